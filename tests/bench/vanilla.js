// The baseline: a minimal hand-written page that renders the same rows from the same JSON,
// without a framework or windowing (every row stays in the DOM).
window.__bench = { pages: 0 };
const api = "/api/mobium.php?method=";
const money = v => "₽" + Number(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function row(o) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = "/orders/" + encodeURIComponent(o.id);
  const l1 = document.createElement("span"); l1.className = "line";
  const id = document.createElement("strong"); id.textContent = "Order #" + o.id;
  const total = document.createElement("strong"); total.className = "total"; total.textContent = money(o.total);
  l1.append(id, total);
  const l2 = document.createElement("span"); l2.className = "line";
  const st = document.createElement("span"); st.textContent = o.status || "—";
  const date = document.createElement("span"); date.textContent = o.created_at || "";
  const n = document.createElement("span"); n.textContent = (o.items || []).length + " items";
  l2.append(st, date, n);
  a.append(l1, l2); li.append(a); return li;
}
async function run(pageSize, maxOrders) {
  const auth = await fetch(api + "userAuthorization", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ login: "anna@example.com", password: "demo1234", appId: "1", platform: "web", locale: "en_US" }) });
  const token = (await auth.json()).data.accessToken;
  const list = document.getElementById("list");
  const seen = new Set();
  let offset = 0;
  for (;;) {
    const resp = await fetch(api + "userOrderHistory&offset=" + offset + "&limit=" + pageSize, { headers: { Authorization: token } });
    const text = await resp.text();
    const orders = JSON.parse(text).data.orders;
    const frag = document.createDocumentFragment();
    let fresh = 0;
    for (const o of orders) { if (!seen.has(o.id)) { seen.add(o.id); frag.append(row(o)); fresh++; } }
    list.append(frag);
    if (window.__bench.pages === 0) {
      await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
      window.__bench.firstVisibleAt = performance.now();
    }
    window.__bench.pages++;
    offset += orders.length;
    if (orders.length < pageSize || fresh === 0 || seen.size >= maxOrders) break;
  }
  window.__bench.rows = seen.size;
  window.__bench.doneAt = performance.now();
}
window.__run = run;
