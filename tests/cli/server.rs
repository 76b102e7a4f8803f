//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: one thread per connection, one request per
//! connection, and misbehaviours on demand (hang, reset, garbage). Stopped when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What to do with a request.
pub enum Reply {
    /// A normal answer.
    Http {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Accept, read nothing, answer nothing, keep the connection open until the server stops.
    Hang,
    /// Close with unread data, which makes the kernel send a TCP reset.
    Reset,
    /// These bytes instead of an HTTP answer, then close.
    Raw(Vec<u8>),
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Http {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply::Http {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    pub base: String,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let accept = {
            let (stop, log) = (stop.clone(), log.clone());
            std::thread::spawn(move || {
                let mut conns = Vec::new();
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (stop, log, handler) = (stop.clone(), log.clone(), handler.clone());
                            conns.push(std::thread::spawn(move || {
                                serve(stream, &*handler, &log, &stop)
                            }));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
                for c in conns {
                    let _ = c.join();
                }
            })
        };
        Server {
            base,
            stop,
            accept: Some(accept),
            log,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests received so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

fn serve(mut stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>, stop: &AtomicBool) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(50)))
        .unwrap();
    // Peek at the request line without consuming it, so a Reset still has unread data.
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && std::time::Instant::now() < deadline {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        match stream.peek(&mut buf) {
            Ok(0) => return,
            Ok(n) => {
                head = buf[..n].to_vec();
                if !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    std::thread::sleep(Duration::from_millis(5));
                }
            }
            Err(_) => {}
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("/")
        .to_string();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let req = Request { path, headers };
    log.lock().unwrap().push(req.clone());
    match handler(&req) {
        Reply::Hang => {
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        Reply::Reset => drop(stream), // the request is still unread: the kernel resets
        Reply::Raw(bytes) => {
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(&bytes);
        }
        Reply::Http {
            status,
            headers,
            body,
        } => {
            let _ = stream.read(&mut buf);
            let mut out = format!("HTTP/1.1 {status} X\r\nConnection: close\r\n");
            for (n, v) in headers {
                out.push_str(&format!("{n}: {v}\r\n"));
            }
            if status != 304 {
                out.push_str(&format!("Content-Length: {}\r\n", body.len()));
            }
            out.push_str("\r\n");
            let _ = stream.write_all(out.as_bytes());
            if status != 304 {
                let _ = stream.write_all(&body);
            }
            let _ = stream.flush();
        }
    }
}

/// A news item for test feeds: distinct text per `n`, long enough to be a page's article.
pub fn article_text(n: usize) -> String {
    let towns = [
        "Karaganda",
        "Aktobe",
        "Taraz",
        "Pavlodar",
        "Semey",
        "Atyrau",
        "Kostanay",
    ];
    let town = towns[n % towns.len()];
    format!(
        "Police detained {} protesters in {town} on Monday after a rally over fuel prices, \
         the interior ministry said in statement number {n}.\n\n\
         Witnesses said about {} people had gathered near the regional administration \
         building before officers moved in. The regional governor said talks with \
         organisers would resume on Wednesday.",
        n + 3,
        (n + 2) * 40
    )
}

/// An HTML page around [`article_text`].
pub fn article_page(n: usize) -> String {
    let paras: String = article_text(n)
        .split("\n\n")
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Story {n}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
         <article><h1>Story {n}</h1>{paras}</article>\
         <footer>Copyright Test Wire</footer></body></html>"
    )
}

/// An RSS feed of items `ns`, each linking to `/a/{n}.html` with a one-line description.
pub fn rss(ns: &[usize]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire</title>\
         <link>http://wire.invalid/</link><description>Test feed</description>",
    );
    for &n in ns {
        s.push_str(&format!(
            "<item><guid>item-{n}</guid><title>Story {n}</title><link>/a/{n}.html</link>\
             <description>Protesters detained in rally number {n}.</description>\
             <pubDate>Mon, 10 Jan 2022 08:00:00 GMT</pubDate></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

/// A feed server: `/feed.rss` lists `items` (ETag and Last-Modified, 304 when they match),
/// `/a/{n}.html` serves article pages (404 for the numbers in `missing`).
pub fn feed_server(
    items: Arc<Mutex<Vec<usize>>>,
    missing: Vec<usize>,
    page_delay: Duration,
) -> Server {
    Server::start(move |req| {
        if req.path == "/feed.rss" {
            let ns = items.lock().unwrap().clone();
            let body = rss(&ns);
            let etag = format!("\"v{}-{}\"", ns.len(), ns.iter().sum::<usize>());
            let modified = format!("Mon, 10 Jan 2022 08:{:02}:00 GMT", ns.len() % 60);
            if req.header("if-none-match") == Some(etag.as_str()) {
                return Reply::Http {
                    status: 304,
                    headers: vec![("ETag".into(), etag)],
                    body: Vec::new(),
                };
            }
            return Reply::Http {
                status: 200,
                headers: vec![
                    ("Content-Type".into(), "application/rss+xml".into()),
                    ("ETag".into(), etag),
                    ("Last-Modified".into(), modified),
                ],
                body: body.into_bytes(),
            };
        }
        let n = req
            .path
            .strip_prefix("/a/")
            .and_then(|p| p.strip_suffix(".html"))
            .and_then(|n| n.parse::<usize>().ok());
        match n {
            Some(n) if !missing.contains(&n) => {
                std::thread::sleep(page_delay);
                Reply::ok("text/html; charset=utf-8", article_page(n))
            }
            _ => Reply::status(404),
        }
    })
}
