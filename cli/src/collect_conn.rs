//! The collector's connections (issue 26): at most `--max-connections` at once, and each closed
//! once idle (`--idle-timeout`, no byte either way) or old (`--max-connection-age`). Before, an
//! idle connection stayed open for ever: 80 of them under a 64-file limit made every request
//! fail. `axum::serve` has no such settings (its hyper builder has no timer), so they live in the
//! listener it is given: past the cap it accepts nothing more (new connections wait in the
//! kernel's queue until one closes), and each connection's reads and writes fail with
//! `TimedOut` past its deadlines, which ends it.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{sleep_until, Instant, Sleep};

/// The limits, with the defaults `collect --help` documents.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_connections: usize,
    pub idle: Duration,
    pub max_age: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 256,
            idle: Duration::from_secs(30),
            max_age: Duration::from_secs(300),
        }
    }
}

/// The client's address as `ConnectInfo` gives it to handlers, for connections of a [`Guarded`]
/// listener (axum knows only its own listeners' addresses).
#[derive(Debug, Clone, Copy)]
pub struct Peer(pub SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, Guarded>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, Guarded>) -> Peer {
        Peer(*stream.remote_addr())
    }
}

/// A TCP listener that keeps to [`Limits`].
pub struct Guarded {
    listener: TcpListener,
    permits: Arc<Semaphore>,
    limits: Limits,
}

impl Guarded {
    pub fn new(listener: TcpListener, limits: Limits) -> Guarded {
        Guarded {
            listener,
            permits: Arc::new(Semaphore::new(limits.max_connections)),
            limits,
        }
    }
}

impl axum::serve::Listener for Guarded {
    type Io = Watched;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Watched, SocketAddr) {
        // The semaphore is never closed: acquiring only waits.
        let permit = loop {
            if let Ok(permit) = Arc::clone(&self.permits).acquire_owned().await {
                break permit;
            }
        };
        loop {
            match self.listener.accept().await {
                Ok((stream, address)) => {
                    let now = Instant::now();
                    let watched = Watched {
                        stream,
                        _permit: permit,
                        idle: self.limits.idle,
                        timer: Box::pin(sleep_until(now + self.limits.idle)),
                        end: now + self.limits.max_age,
                    };
                    return (watched, address);
                }
                // Out of files or the like: wait a little, as axum's own listener does.
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }
}

/// A connection that ends when idle or old; it holds its place under the cap until dropped.
pub struct Watched {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
    idle: Duration,
    /// Fires at the idle deadline or the age limit, whichever comes first.
    timer: Pin<Box<Sleep>>,
    end: Instant,
}

impl Watched {
    /// After bytes moved: the idle deadline starts again (never past the age limit).
    fn active(&mut self) {
        let next = (Instant::now() + self.idle).min(self.end);
        self.timer.as_mut().reset(next);
    }

    /// `Err(TimedOut)` once the timer has fired; else registers the task to be woken by it.
    fn expired(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection was idle or open too long",
            )),
            Poll::Pending => Ok(()),
        }
    }

    /// Runs one read or write: progress restarts the idle deadline, waiting checks it.
    fn watch<T>(
        &mut self,
        cx: &mut Context<'_>,
        poll: impl FnOnce(Pin<&mut TcpStream>, &mut Context<'_>) -> Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match poll(Pin::new(&mut self.stream), cx) {
            Poll::Ready(result) => {
                self.active();
                Poll::Ready(result)
            }
            Poll::Pending => match self.expired(cx) {
                Ok(()) => Poll::Pending,
                Err(error) => Poll::Ready(Err(error)),
            },
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.get_mut()
            .watch(cx, |stream, cx| stream.poll_read(cx, buf))
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut()
            .watch(cx, |stream, cx| stream.poll_write(cx, buf))
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().watch(cx, |stream, cx| stream.poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}
