//! `faq-widget collect`: the HTTP endpoint for the widget's feedback beacons (issue 16).
//!
//! Every POST, at any path, goes through, in order: the rate limit per client (429), the Origin
//! allow list (403), the content type (415), the body size (413), the JSON (400), the format of
//! feedback.schema.json and its limits (422); then votes for questions no `--faq` has
//! (`collect_faqs`) and past the client's daily budget (`collect_budget`) are dropped, and what
//! is left is stored in one transaction (`collect_db`) and answered 204 after the commit (503
//! when the writer's queue is full, 500 when the database fails). Connections are capped and
//! timed out in the listener (`collect_conn`); the rate limit is `collect_limit`.
//! OPTIONS answers CORS preflights for allowed origins; GET says what this is.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use faq_widget::feedback::{self, Batch, Event, MAX_BODY_BYTES};

use crate::args::CollectArgs;
use crate::collect_budget::{VoteBudget, DAY_MS};
use crate::collect_conn::{Guarded, Limits, Peer};
use crate::collect_db::{self, Store, StoreError, Target};
use crate::collect_faqs::Known;
use crate::collect_limit::Limiter;

/// A beacon's body arrives within this time, or the request gets 408.
const BODY_TIMEOUT: Duration = Duration::from_secs(10);
struct Options {
    db: Target,
    origins: Vec<String>,
    bind: IpAddr,
    port: u16,
    rate: u32,
    behind_proxy: bool,
    faqs: Vec<PathBuf>,
    votes_per_day: u32,
    limits: Limits,
}

impl From<CollectArgs> for Options {
    fn from(args: CollectArgs) -> Options {
        Options {
            limits: Limits {
                max_connections: usize::try_from(args.max_connections)
                    .unwrap_or(usize::MAX)
                    .min(tokio::sync::Semaphore::MAX_PERMITS),
                idle: Duration::from_secs(args.idle_timeout),
                max_age: Duration::from_secs(args.max_connection_age),
            },
            votes_per_day: args.votes_per_day,
            db: args.db,
            origins: args.origins,
            bind: args.bind,
            port: args.port,
            rate: args.rate,
            behind_proxy: args.behind_proxy,
            faqs: args.faqs,
        }
    }
}

/// Runs `faq-widget collect` until SIGINT or SIGTERM; the exit status.
pub fn main(args: CollectArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let options = Options::from(args);
    match serve(options, out) {
        Ok(()) => crate::EXIT_OK,
        Err(problem) => {
            let _ = writeln!(err, "faq-widget collect: {problem}");
            crate::EXIT_PROBLEMS
        }
    }
}

fn serve(options: Options, out: &mut dyn Write) -> Result<(), String> {
    let known = Known::load(&options.faqs)?;
    let db = collect_db::open_writer(&options.db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    let (store, writer) = Store::start(db)?;
    let app = Arc::new(App {
        origins: options
            .origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect(),
        limiter: Limiter::new(options.rate),
        behind_proxy: options.behind_proxy,
        budget: VoteBudget::new(options.votes_per_day),
        known,
        store,
    });
    let served = runtime.block_on(async {
        let address = SocketAddr::new(options.bind, options.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| format!("cannot listen on {address}: {e}"))?;
        let local = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {address}: {e}"))?;
        // Tests and scripts read this line for the port (--port 0).
        let _ = writeln!(
            out,
            "faq-widget collect: listening on http://{local}/, storing in {}",
            options.db
        );
        let _ = out.flush();
        let router = Router::new().fallback(handle).with_state(app);
        axum::serve(
            Guarded::new(listener, options.limits),
            router.into_make_service_with_connect_info::<Peer>(),
        )
        .with_graceful_shutdown(stop_signal())
        .await
        .map_err(|e| format!("server error: {e}"))
    });
    // Every request has finished and the router (with the store's sender) is gone: the writer
    // commits what it still holds, then stops.
    drop(runtime);
    let _ = writer.join();
    served
}

async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

struct App {
    origins: Vec<HeaderValue>,
    limiter: Limiter,
    behind_proxy: bool,
    budget: VoteBudget,
    known: Known,
    store: Store,
}

impl App {
    /// The request's Origin when it is allowed: exactly as browsers send it (lower case, as
    /// `--allow-origin` is stored), so a hand-made spelling is refused (issue 26).
    fn allowed_origin<'a>(&self, headers: &'a HeaderMap) -> Option<&'a HeaderValue> {
        let origin = headers.get(header::ORIGIN)?;
        self.origins
            .iter()
            .any(|allowed| allowed == origin)
            .then_some(origin)
    }

    /// Who to count the request against: the peer, or behind a proxy the last address the
    /// proxy put in X-Forwarded-For.
    fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.behind_proxy {
            return peer;
        }
        headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.rsplit(',').next())
            .and_then(|last| last.trim().parse().ok())
            .unwrap_or(peer)
    }
}

/// Why a body was refused: the status and a one-line reason for the sender.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub reason: String,
}

/// Reads a beacon's body: JSON of the shape and within the limits of feedback.schema.json.
/// The `faq` address loses its query and fragment. Missed queries are redacted again ([`feedback::redact_stored`]: [`feedback::redact`], which
/// changes nothing in a query the widget redacted, after disguised addresses are made plain), so no other sender can get an e-mail address or a number into the database.
pub fn parse(body: &[u8]) -> Result<Batch, Refusal> {
    let shape = |problem: String| Refusal {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        reason: format!("not a feedback batch (feedback.schema.json): {problem}"),
    };
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| Refusal {
        status: StatusCode::BAD_REQUEST,
        reason: format!("malformed JSON: {e}"),
    })?;
    // serde would also read a struct from an array of its fields; the schema wants objects.
    if !value.is_object() {
        return Err(shape("a batch is a JSON object".into()));
    }
    if let Some(events) = value.get("events").and_then(serde_json::Value::as_array) {
        if let Some(index) = events.iter().position(|event| !event.is_object()) {
            return Err(shape(format!("events[{index}]: an event is a JSON object")));
        }
    }
    let mut batch: Batch = serde_json::from_value(value).map_err(|e| shape(e.to_string()))?;
    batch.check().map_err(shape)?;
    // The FAQ's address without its query or fragment: what identifies the file, nothing a
    // visitor's page may have added (a session token, an e-mail in a tracking parameter).
    if let Some(end) = batch.faq.find(['?', '#']) {
        batch.faq.truncate(end);
    }
    for event in &mut batch.events {
        if let Event::Missed { query, .. } = event {
            *query = feedback::redact_stored(query);
        }
    }
    batch
        .events
        .retain(|event| !matches!(event, Event::Missed { query, .. } if query.is_empty()));
    // One vote per question per beacon, its last (the widget sends a changed vote as a new one
    // with `previous`): twenty copies of a vote in one beacon count once (issue 26).
    let mut seen = std::collections::HashSet::new();
    let mut events = std::mem::take(&mut batch.events);
    events.reverse();
    events.retain(|event| match event {
        Event::Vote { question, .. } => seen.insert(question.clone()),
        Event::Missed { .. } => true,
    });
    events.reverse();
    batch.events = events;
    Ok(batch)
}

async fn handle(
    State(app): State<Arc<App>>,
    ConnectInfo(Peer(peer)): ConnectInfo<Peer>,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match method {
        Method::POST => post(&app, peer.ip(), &headers, body).await,
        Method::OPTIONS => preflight(&app, &headers),
        // A health check: 503 while the database refuses writes, so a load balancer or a
        // monitor sees it (issue 26).
        Method::GET | Method::HEAD => match app.store.failing() {
            None => reply(
                StatusCode::OK,
                "faq-widget collect: POST feedback beacons here (feedback.schema.json)",
                None,
            ),
            Some(problem) => reply(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!("faq-widget collect: unhealthy, the last write failed: {problem}"),
                None,
            ),
        },
        _ => {
            let mut response = reply(
                StatusCode::METHOD_NOT_ALLOWED,
                "only POST (and OPTIONS, GET)",
                None,
            );
            response.headers_mut().insert(
                header::ALLOW,
                HeaderValue::from_static("POST, OPTIONS, GET, HEAD"),
            );
            response
        }
    }
}

async fn post(app: &App, peer: IpAddr, headers: &HeaderMap, body: Body) -> Response {
    if let Err(wait) = app.limiter.allow(app.client(peer, headers), Instant::now()) {
        let mut response = reply(
            StatusCode::TOO_MANY_REQUESTS,
            "too many beacons from this client; retry later",
            app.allowed_origin(headers),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return response;
    }
    let Some(origin) = app.allowed_origin(headers) else {
        let reason = match headers.get(header::ORIGIN) {
            None => "no Origin header: beacons come from browsers on allowed sites".to_owned(),
            Some(origin) => format!(
                "origin {} is not allowed (see --allow-origin)",
                String::from_utf8_lossy(origin.as_bytes())
            ),
        };
        return reply(StatusCode::FORBIDDEN, &reason, None);
    };
    let cors = Some(origin);
    if let Some(kind) = headers.get(header::CONTENT_TYPE) {
        let kind = String::from_utf8_lossy(kind.as_bytes()).to_ascii_lowercase();
        let media = kind.split(';').next().unwrap_or_default().trim();
        if media != "text/plain" && media != "application/json" {
            return reply(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send JSON as text/plain (navigator.sendBeacon with a string) or application/json",
                cors,
            );
        }
    }
    let too_large = format!("the body is larger than {MAX_BODY_BYTES} bytes");
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return reply(StatusCode::PAYLOAD_TOO_LARGE, &too_large, cors);
    }
    let bytes = match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY_BYTES))
        .await
    {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return reply(StatusCode::PAYLOAD_TOO_LARGE, &too_large, cors),
        Err(_) => {
            return reply(
                StatusCode::REQUEST_TIMEOUT,
                "the body took more than 10 s to arrive",
                cors,
            )
        }
    };
    let mut batch = match parse(&bytes) {
        Ok(batch) => batch,
        Err(refusal) => return reply(refusal.status, &refusal.reason, cors),
    };
    app.known
        .retain_known(&mut batch, Instant::now(), &mut |line| eprintln!("{line}"));
    app.budget
        .spend(app.client(peer, headers), &mut batch, now_ms() / DAY_MS);
    // Nothing left once redacted (a query of only control characters): accepted, not stored,
    // so it does not count as a beacon.
    if batch.events.is_empty() {
        return reply(StatusCode::NO_CONTENT, "", cors);
    }
    match app.store.save(batch, now_ms()).await {
        Ok(()) => reply(StatusCode::NO_CONTENT, "", cors),
        Err(StoreError::Busy) => {
            let mut response = reply(StatusCode::SERVICE_UNAVAILABLE, "busy; retry later", cors);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(1));
            response
        }
        Err(StoreError::Failed(_)) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the beacon could not be stored; retry later",
            cors,
        ),
    }
}

/// CORS preflight (a `fetch` with `Content-Type: application/json`; `sendBeacon` with a string
/// needs none). Cookies are not wanted: no Access-Control-Allow-Credentials.
fn preflight(app: &App, headers: &HeaderMap) -> Response {
    let Some(origin) = app.allowed_origin(headers) else {
        return reply(
            StatusCode::FORBIDDEN,
            "origin not allowed (see --allow-origin)",
            None,
        );
    };
    let mut response = reply(StatusCode::NO_CONTENT, "", Some(origin));
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("POST"),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("content-type"),
    );
    h.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}

fn reply(status: StatusCode, reason: &str, origin: Option<&HeaderValue>) -> Response {
    let mut response = if reason.is_empty() {
        status.into_response()
    } else {
        (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{reason}\n"),
        )
            .into_response()
    };
    let h = response.headers_mut();
    if let Some(origin) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    }
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
