//! Debian's nginx running the repository's `deploy/nginx/web-cabinet` config over a copy of the
//! merchant bundle, with the shop's API proxied to a test server; it can lose its signal (stop
//! answering) and get it back on the same port, and says from its access log what it sent.

#![allow(dead_code, clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{bundle_dir, http_config, Bundle};

const NGINX: &str = "/usr/sbin/nginx";

/// Where the cabinet is deployed: the two configurations `deploy/nginx/web-cabinet` ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `site.conf`: a host of its own, the bundle at the root.
    OwnHost,
    /// `lk.conf` inside the shop's own server: the bundle built for `/lk/` under that path,
    /// the shop's pages, API and pictures beside it.
    UnderLk,
}

/// nginx running the repository's config, torn down on drop.
pub struct Nginx {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// `text` with `from` replaced, insisting that `from` is there (the config changed otherwise).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "deploy/nginx no longer contains {from:?}");
    text.replace(from, to)
}

impl Nginx {
    pub fn start(backend: SocketAddr) -> Self {
        Self::start_with(backend, &http_config())
    }

    /// nginx serving the bundle with `config` as the merchant's cabinet.json.
    pub fn start_with(backend: SocketAddr, config: &str) -> Self {
        Self::start_as(Layout::OwnHost, backend, config)
    }

    /// nginx serving the bundle deployed as `layout` says, as the file's own steps do it.
    pub fn start_as(layout: Layout, backend: SocketAddr, config: &str) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("port");
        let dir = root.join(format!("target/nginx-test/{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        let www = dir.join("www");
        let bundle = match layout {
            Layout::OwnHost => www.clone(),
            Layout::UnderLk => www.join("lk"),
        };
        copy_dir(
            &bundle_dir(if layout == Layout::OwnHost {
                Bundle::Merchant
            } else {
                Bundle::MerchantLk
            }),
            &bundle,
        );
        // What a merchant adds beside the bundle: a config naming the proxied API. And the
        // pictures the test server's profiles name relative to that config (`demo/…svg`): the
        // shop's own files (a merchant's dist/ has none).
        std::fs::write(bundle.join("cabinet.json"), config).expect("cabinet.json");
        copy_dir(&root.join("public/demo"), &bundle.join("demo"));
        let conf = dir.join("conf");
        copy_dir(&root.join("deploy/nginx/web-cabinet"), &conf.join("web-cabinet"));
        // Only the lines marked CHANGE.
        let server = match layout {
            Layout::OwnHost => {
                let site_path = conf.join("web-cabinet/site.conf");
                let site = std::fs::read_to_string(&site_path).expect("site.conf");
                let site = edit(&site, "listen 8080;", &format!("listen 127.0.0.1:{port};"));
                let site =
                    edit(&site, "root /srv/web-cabinet;", &format!("root {};", www.display()));
                let site = edit(&site, "server 127.0.0.1:9000;", &format!("server {backend};"));
                std::fs::write(&site_path, site).expect("site.conf");
                "include web-cabinet/site.conf;".to_string()
            }
            Layout::UnderLk => {
                let lk_path = conf.join("web-cabinet/lk.conf");
                let lk = std::fs::read_to_string(&lk_path).expect("lk.conf");
                let lk =
                    edit(&lk, "root /srv/web-cabinet-root;", &format!("root {};", www.display()));
                std::fs::write(&lk_path, lk).expect("lk.conf");
                // The shop's own server, as a 1C-Bitrix site has it: its pages, its API and its
                // pictures; the cabinet's file is one include in it.
                format!(
                    "server {{
    listen 127.0.0.1:{port};
                         location / {{ default_type text/html; return 200 \"<!doctype html><title>Shop</title><p>The shop's own page</p>\"; }}
                         location ^~ /api/ {{ proxy_pass http://{backend}; proxy_set_header Host $http_host; }}
                         location ^~ /upload/ {{ proxy_pass http://{backend}; proxy_set_header Host $http_host; }}
                         include web-cabinet/lk.conf;
  }}"
                )
            }
        };
        // The same policy, plus an address for violation reports (the test server collects them).
        let headers_path = conf.join("web-cabinet/security-headers.conf");
        let headers = std::fs::read_to_string(&headers_path).expect("security-headers.conf");
        let headers = edit(
            &headers,
            "object-src 'none'\"",
            "object-src 'none'; report-uri /api/csp-report\"",
        );
        std::fs::write(&headers_path, headers).expect("security-headers.conf");

        let temp = dir.join("tmp");
        std::fs::create_dir_all(&temp).expect("tmp");
        // The access log says what went over the network: path, status, body bytes. The two
        // load_module lines are what Debian's brotli packages put in modules-enabled/.
        let main = format!(
            "daemon off;\nmaster_process off;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log warn;\n\
             load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;\n\
             load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\nevents {{ worker_connections 256; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  \
             log_format sent '$uri $status $body_bytes_sent';\n  access_log {dir}/access.log sent;\n  \
             client_body_temp_path {t}/body;\n  proxy_temp_path {t}/proxy;\n  \
             fastcgi_temp_path {t}/fastcgi;\n  uwsgi_temp_path {t}/uwsgi;\n  scgi_temp_path {t}/scgi;\n  \
             {server}\n}}\n",
            dir = dir.display(),
            t = temp.display(),
        );
        std::fs::write(conf.join("nginx.conf"), main).expect("nginx.conf");
        let child = Self::spawn(&dir, port);
        Self { child, port, dir }
    }

    fn spawn(dir: &Path, port: u16) -> Child {
        let mut child = Command::new(NGINX)
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(dir.join("conf/nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {NGINX}: {e} (run scripts/setup)"));
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return child;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        let log = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
        panic!("nginx did not start: {log}");
    }

    /// No signal: the server stops answering (connections refused), the browser stays.
    pub fn go_offline(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The signal is back: the same server on the same port.
    pub fn go_online(&mut self) {
        self.child = Self::spawn(&self.dir, self.port);
    }

    pub fn www(&self) -> PathBuf {
        self.dir.join("www")
    }

    /// Body bytes sent since the last call, per path (from the access log), and forget them.
    pub fn sent_since_last(&self) -> Vec<(String, u64)> {
        let path = self.dir.join("access.log");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let _ = std::fs::write(&path, "");
        text.lines()
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let (uri, _status, bytes) = (parts.next()?, parts.next()?, parts.next()?);
                Some((uri.to_string(), bytes.parse().ok()?))
            })
            .collect()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

pub struct Answer {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

/// One HTTP/1.1 GET, by hand: the test checks exactly what nginx sends.
pub async fn get(port: u16, path: &str, extra: &[(&str, &str)]) -> Answer {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    let mut request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (name, value) in extra {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer { status, headers, body: raw[split + 4..].to_vec() }
}

/// The content hashes Trunk put in the bundle's file names (`name-<hash>.ext`).
fn hashes_in(names: &[String]) -> Vec<String> {
    let mut found: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let stem = n.split('.').next()?.trim_end_matches("_bg");
            let hash = stem.rsplit('-').next()?;
            (hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| hash.to_string())
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

impl Nginx {
    /// Deploy "the next build" over the current one, as a merchant's deploy does: the same files
    /// under new content hashes (names and every reference to them changed, the stable files —
    /// index.html, the loader, the worker — rewritten, their stale compressed twins removed).
    /// Returns the wasm's (old, new) hash.
    pub fn deploy_next_build(&self) -> (String, String) {
        let www = self.www();
        // The hashed files at the top and in the whole cabinet's folder (`signed-in/`).
        let listed = |dir: &str| -> Vec<String> {
            std::fs::read_dir(www.join(dir))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .map(|name| if dir.is_empty() { name } else { format!("{dir}/{name}") })
                .collect()
        };
        let names: Vec<String> = listed("").into_iter().chain(listed("signed-in")).collect();
        let next = |h: &str| -> String {
            h.chars()
                .map(|c| {
                    std::char::from_digit((c.to_digit(16).unwrap_or(0) + 1) % 16, 16).unwrap_or('0')
                })
                .collect()
        };
        let renames: Vec<(String, String)> =
            hashes_in(&names).iter().map(|h| (h.clone(), next(h))).collect();
        let renamed =
            |text: &str| renames.iter().fold(text.to_string(), |t, (old, new)| t.replace(old, new));
        for name in &names {
            let to = renamed(name);
            if &to != name {
                std::fs::rename(www.join(name), www.join(&to)).expect("rename");
            }
        }
        for stable in ["index.html", "web-cabinet.js", "web-cabinet-sw.js"] {
            let path = www.join(stable);
            let text = std::fs::read_to_string(&path).expect("stable file");
            std::fs::write(&path, renamed(&text)).expect("rewrite");
            for twin in [".br", ".gz"] {
                let _ = std::fs::remove_file(www.join(format!("{stable}{twin}")));
            }
        }
        let wasm = names
            .iter()
            .find(|n| n.ends_with("_bg.wasm"))
            .and_then(|n| hashes_in(std::slice::from_ref(n)).pop())
            .expect("a wasm file");
        let new = next(&wasm);
        (wasm, new)
    }
}
