// The shop page's side of the cabinet's iframe mode: size the frame to the cabinet's height,
// tell the cabinet which part of it the customer sees (so that a long order history inside it
// draws only the rows near that part), show whether the customer is signed in, pass a language
// choice. Only messages from the cabinet's origin and window are read.
const frame = document.getElementById("shop-cabinet");
const status = document.getElementById("shop-status");
const cabinet = new URL(new URLSearchParams(location.search).get("cabinet") || "/", location.href);
window.cabinetEvents = [];
window.addEventListener("message", (event) => {
  if (event.origin !== cabinet.origin || event.source !== frame.contentWindow) return;
  const data = event.data || {};
  window.cabinetEvents.push(data);
  if (data.type === "web-cabinet:height" && Number.isFinite(data.height)) {
    frame.style.height = `${data.height}px`;
    reportViewport();
  } else if (data.type === "web-cabinet:signed-in") {
    status.textContent = "Cabinet: signed in";
  } else if (data.type === "web-cabinet:signed-out") {
    status.textContent = "Cabinet: signed out";
  }
});
// The visible part of the frame, from its top, whenever the page scrolls or resizes.
let reportPending = false;
function reportViewport() {
  if (reportPending) return;
  reportPending = true;
  requestAnimationFrame(() => {
    reportPending = false;
    const box = frame.getBoundingClientRect();
    const top = Math.max(0, -box.top);
    const height = Math.max(0, Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0));
    frame.contentWindow?.postMessage({ type: "web-cabinet:viewport", top, height }, cabinet.origin);
  });
}
window.addEventListener("scroll", reportViewport, { passive: true });
window.addEventListener("resize", reportViewport);
frame.addEventListener("load", reportViewport);
document.getElementById("shop-lang").addEventListener("change", (event) => {
  frame.contentWindow.postMessage(
    { type: "web-cabinet:set-language", lang: event.target.value },
    cabinet.origin,
  );
});
frame.src = cabinet.href;
