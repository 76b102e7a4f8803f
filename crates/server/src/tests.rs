//! The router end to end, in process: a small store built here, requests through `oneshot`.

use super::*;
use axum::body::Body;
use axum::http::{Method, Request, Response};
use herald_core::{ActorRef, CodedDoc, Document, Event, Mention, Place, Plover, Span};
use herald_store::Store;
use serde_json::Value;
use tower::ServiceExt;

fn span_of(text: &str, w: &str) -> Span {
    let s = text.find(w).unwrap_or_else(|| panic!("{w:?} in {text:?}"));
    Span::new(s, s + w.len())
}

/// `(source code, source words, cameo, quad, place?)` of one event.
type Ev = (
    &'static str,
    &'static str,
    &'static str,
    u8,
    Option<(&'static str, f64, f64, &'static str)>,
);

fn doc(id: &str, date: &str, text: &str, evs: &[Ev]) -> (Document, CodedDoc, Vec<Span>) {
    let mut d = Document::from_text(text);
    d.id = id.into();
    d.title = Some(format!("Report {id}"));
    d.published = Some(date.parse().unwrap());
    let events = evs
        .iter()
        .enumerate()
        .map(|(i, &(code, words, cameo, quad, place))| Event {
            id: format!("{id}-{i}"),
            source: ActorRef {
                code: code.into(),
                text: words.into(),
                span: span_of(text, words),
            },
            cameo: cameo.into(),
            root: cameo[..2].into(),
            quad_class: quad,
            goldstein: -1.0,
            plover: Some(Plover {
                kind: if quad == 4 { "ASSAULT" } else { "CONSULT" }.into(),
                mode: None,
            }),
            place: place.map(|(name, lat, lon, cc)| Place {
                name: name.into(),
                lat,
                lon,
                country: Some(cc.into()),
                span: span_of(text, name),
            }),
            evidence: span_of(text, words),
            rule: "test".into(),
            ..Default::default()
        })
        .collect();
    let mentions = evs
        .iter()
        .map(|&(code, words, ..)| Mention {
            text: words.into(),
            kind: "agent".into(),
            code: Some(code.into()),
            span: span_of(text, words),
        })
        .collect();
    let coded = CodedDoc {
        doc: d.meta(),
        events,
        mentions,
        ..Default::default()
    };
    (d, coded, vec![Span::new(0, text.len())])
}

const ALMATY: Option<(&str, f64, f64, &str)> = Some(("Almaty", 43.25, 76.92, "KZ"));

/// A store with three documents, five events (three of quad 4), one with non-ASCII text.
fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let docs = [
        doc(
            "kz-1",
            "2022-01-05",
            "Police clashed with protesters in Almaty. Troops fired on the crowd.",
            &[
                ("KAZPOL", "Police clashed", "190", 4, ALMATY),
                ("KAZMIL", "Troops fired", "190", 4, ALMATY),
            ],
        ),
        doc(
            "kz/2 ü",
            "2022-01-06",
            "Zhanaozen’s «émeute»: Tokayev met envoys in Almaty.",
            &[("KAZGOV", "Tokayev met", "040", 1, ALMATY)],
        ),
        doc(
            "ge-1",
            "2022-01-07",
            "Georgian police beat reporters. Tbilisi officials consulted.",
            &[
                ("GEOPOL", "police beat", "180", 4, None),
                ("GEOGOV", "officials consulted", "040", 1, None),
            ],
        ),
    ];
    for (d, c, s) in &docs {
        store.insert(d, c, s).unwrap();
    }
    (dir, path)
}

fn app(path: &std::path::Path, token: Option<&str>) -> Router {
    let mut config = Config::new(path);
    config.token = token.map(str::to_string);
    router(&config)
}

async fn send(app: &Router, req: Request<Body>) -> (u16, Value, Response<Body>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status().as_u16();
    let (parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 24).await.unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let resp = Response::from_parts(parts, Body::from(bytes));
    (status, json, resp)
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header("host", "127.0.0.1:8080")
        .body(Body::empty())
        .unwrap()
}

async fn get_json(app: &Router, uri: &str) -> (u16, Value) {
    let (s, v, _) = send(app, get(uri)).await;
    (s, v)
}

#[tokio::test]
async fn events_filter_and_page() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    let (s, v) = get_json(&app, "/api/events").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["total"], 5);
    assert_eq!(
        (v["limit"].as_u64(), v["offset"].as_u64()),
        (Some(100), Some(0))
    );
    assert_eq!(v["events"].as_array().unwrap().len(), 5);
    let (_, v) = get_json(&app, "/api/events?quad=4").await;
    assert_eq!(v["total"], 3);
    assert!(
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["quad_class"] == 4)
    );
    let (_, v) = get_json(&app, "/api/events?country=KZ&quad=4&limit=1&offset=1").await;
    assert_eq!(v["total"], 2);
    let page = v["events"].as_array().unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0]["source"]["code"], "KAZMIL");
    let (_, v) = get_json(&app, "/api/events?q=envoys").await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["events"][0]["doc_id"], "kz/2 ü");
    let (_, v) = get_json(&app, "/api/events?near=43.2,76.9,20&from=2022-01-06").await;
    assert_eq!(v["total"], 1);
}

#[tokio::test]
async fn bad_params_are_400_with_the_param() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    for (uri, param) in [
        ("/api/events?quad=7", "quad"),
        ("/api/events?limit=5000", "limit"),
        ("/api/events?from=2022-02-30", "from"),
        ("/api/events?near=1,2", "near"),
        ("/api/events?colour=red", "colour"),
        ("/api/timeline?offset=3", "offset"),
        ("/api/events/abc", "key"),
        ("/api/events/-3", "key"),
        ("/api/events/99999999999999999999", "key"),
    ] {
        let (s, v) = get_json(&app, uri).await;
        assert_eq!(s, 400, "{uri}: {v}");
        assert_eq!(v["param"], param, "{uri}: {v}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {v}"
        );
    }
}

#[tokio::test]
async fn one_event_and_its_document() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    let (_, v) = get_json(&app, "/api/events?doc=kz%2F2%20%C3%BC").await;
    let key = v["events"][0]["key"].as_i64().unwrap();
    let (s, e) = get_json(&app, &format!("/api/events/{key}")).await;
    assert_eq!(s, 200);
    assert_eq!(e["cameo"], "040");
    assert_eq!(get_json(&app, "/api/events/987654").await.0, 404);

    let (s, d) = get_json(&app, "/api/documents/kz%2F2%20%C3%BC").await;
    assert_eq!(s, 200, "{d}");
    assert_eq!(d["meta"]["id"], "kz/2 ü");
    let text = d["text"].as_str().unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let hs = d["highlights"].as_array().unwrap();
    assert!(!hs.is_empty());
    for h in hs {
        let (a, b) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&units[a..b]).unwrap(),
            h["text"].as_str().unwrap()
        );
    }
    let tokayev = hs.iter().find(|h| h["kind"] == "actor").unwrap();
    assert_eq!(tokayev["text"], "Tokayev met");
    assert_eq!(tokayev["events"][0], key);
    assert_eq!(get_json(&app, "/api/documents/nope").await.0, 404);
}

#[tokio::test]
async fn timeline_and_stats() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    let (s, v) = get_json(&app, "/api/timeline").await;
    assert_eq!(s, 200);
    assert_eq!(v["total"], 5);
    let days = v["days"].as_array().unwrap();
    assert!(
        days.iter()
            .any(|r| r["date"] == "2022-01-05" && r["quad_class"] == 4 && r["count"] == 2)
    );
    let (_, v) = get_json(&app, "/api/timeline?quad=1").await;
    assert_eq!(v["total"], 2);
    let (s, v) = get_json(&app, "/api/stats").await;
    assert_eq!(s, 200);
    assert_eq!(
        (v["documents"].as_u64(), v["events"].as_u64()),
        (Some(3), Some(5))
    );
}

#[tokio::test]
async fn openapi_documents_every_route() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    let (s, doc) = get_json(&app, "/api/openapi.json").await;
    assert_eq!(s, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let routes: Vec<&str> = api_routes().iter().map(|(p, _)| *p).collect();
    for r in &routes {
        assert!(paths.contains_key(*r), "route {r} is not in openapi.json");
        assert!(
            paths[*r]["get"]["responses"]["200"].is_object(),
            "{r}: no 200"
        );
    }
    for p in paths.keys() {
        assert!(
            routes.contains(&p.as_str()),
            "openapi.json documents {p}, which is no route"
        );
    }
    // Every query parameter parse_filter accepts is documented on /api/events, and no other.
    let documented = |path: &str| -> Vec<String> {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let r = p["$ref"].as_str().unwrap();
                let name = r.rsplit('/').next().unwrap();
                doc["components"]["parameters"][name]["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let mut want: Vec<&str> = params::FILTER_PARAMS
        .iter()
        .chain(params::PAGE_PARAMS)
        .copied()
        .collect();
    want.sort();
    let mut got = documented("/api/events");
    got.sort();
    assert_eq!(got, want);
    let mut got = documented("/api/timeline");
    got.sort();
    let mut want: Vec<&str> = params::FILTER_PARAMS.to_vec();
    want.sort();
    assert_eq!(got, want);
}

#[tokio::test]
async fn dashboard_files() {
    let (_d, path) = fixture();
    let app = app(&path, Some("tok"));
    for a in assets::ASSETS {
        let (s, _, resp) = send(&app, get(a.path)).await;
        assert_eq!(s, 200, "{}", a.path);
        assert_eq!(resp.headers()["content-type"], a.content_type);
        assert!(
            resp.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'none'")
        );
        assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn path_traversal_finds_nothing() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    for uri in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc%2fpasswd",
        "/%252e%252e/etc/passwd",
        "/app.js/../../../etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/etc/passwd",
        "//etc/passwd",
        "/assets/app.js",
        "/Cargo.toml",
        "/src/lib.rs",
        "/api/../../etc/passwd",
        "/api/documents/..%2F..%2Fetc%2Fpasswd",
    ] {
        let (s, v, _) = send(&app, get(uri)).await;
        assert!(s == 404 || s == 400, "{uri}: {s} {v}");
        assert!(!v.to_string().contains("root:"), "{uri}");
    }
}

#[tokio::test]
async fn methods_bodies_and_hosts() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    for m in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
        let req = Request::builder()
            .method(m.clone())
            .uri("/api/events")
            .header("host", "localhost")
            .body(Body::empty())
            .unwrap();
        let (s, v, resp) = send(&app, req).await;
        assert_eq!(s, 405, "{m}: {v}");
        assert_eq!(resp.headers()["allow"], "GET, HEAD");
    }
    let req = Request::get("/api/events")
        .header("host", "localhost")
        .header("content-length", "5")
        .body(Body::from("hello"))
        .unwrap();
    assert_eq!(send(&app, req).await.0, 413);
    let req = Request::head("/api/stats")
        .header("host", "localhost")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, req).await.0, 200);
    // DNS rebinding: a page on another site resolving to 127.0.0.1 sends its own Host.
    let req = Request::get("/api/stats")
        .header("host", "evil.example:8080")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, req).await.0, 421);
    let huge = format!("/api/events?q={}", "a".repeat(10_000));
    assert_eq!(get_json(&app, &huge).await.0, 400);
}

#[tokio::test]
async fn bearer_token() {
    let (_d, path) = fixture();
    let app = app(&path, Some("s3cret-token"));
    let with = |auth: Option<&str>, uri: &str| {
        let mut r = Request::get(uri).header("host", "127.0.0.1");
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.body(Body::empty()).unwrap()
    };
    for uri in [
        "/api/stats",
        "/api/events?quad=4",
        "/api/openapi.json",
        "/api/nothing-here",
    ] {
        let (s, v, resp) = send(&app, with(None, uri)).await;
        assert_eq!(s, 401, "{uri}: {v}");
        assert!(
            resp.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Bearer")
        );
        for wrong in [
            "Bearer s3cret-toke",
            "Bearer s3cret-tokenX",
            "Basic s3cret-token",
            "s3cret-token",
        ] {
            assert_eq!(
                send(&app, with(Some(wrong), uri)).await.0,
                401,
                "{uri} {wrong}"
            );
        }
    }
    let (s, v, _) = send(&app, with(Some("Bearer s3cret-token"), "/api/stats")).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["events"], 5);
    // The page itself is public: it asks for the token.
    assert_eq!(send(&app, with(None, "/")).await.0, 200);
}

/// SQL-looking input through every filter: a normal answer (200, nothing or the honest
/// matches) or a 400, and the store unchanged.
#[tokio::test]
async fn sql_injection_through_every_filter() {
    let (_d, path) = fixture();
    let app = app(&path, None);
    let before = get_json(&app, "/api/stats").await.1;
    let attacks = [
        "' OR '1'='1",
        "1' OR 1=1 --",
        "x'; DROP TABLE events; --",
        "\" OR \"\"=\"",
        "1); DELETE FROM documents; --",
        "%' OR 1=1 OR '%",
        "KZ' UNION SELECT sql FROM sqlite_master --",
        "* OR 1",
        "NEAR(police reporters)",
        "text:police",
        "\\",
        "_",
        "%",
    ];
    let mut answered = 0;
    for param in params::FILTER_PARAMS {
        for attack in attacks {
            let value: String = form_urlencoded::byte_serialize(attack.as_bytes()).collect();
            for base in ["/api/events", "/api/timeline"] {
                let uri = format!("{base}?{param}={value}");
                let (s, v) = get_json(&app, &uri).await;
                assert!(s == 200 || s == 400, "{uri}: {s} {v}");
                if s == 200 {
                    answered += 1;
                    // Only the text-like filters can answer, and never with everything.
                    assert!(
                        ["actor", "q", "doc", "plover"].contains(param),
                        "{uri} accepted: {v}"
                    );
                    let n = v["total"].as_u64().unwrap();
                    assert!(n < 5, "{uri} matched {n} events: the filter did not filter");
                } else {
                    assert_eq!(v["param"], *param, "{uri}: {v}");
                }
            }
        }
    }
    assert!(answered > 0, "the text-like filters take any text");
    assert_eq!(get_json(&app, "/api/stats").await.1, before);
    assert_eq!(get_json(&app, "/api/events").await.1["total"], 5);
}
