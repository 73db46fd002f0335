//! Outgoing mail through a real SMTP conversation: a minimal SMTP server in the test receives
//! what gcm-hub sends.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::harness::TestApp;

/// A message as the sink received it: (recipient, data).
type Received = Arc<Mutex<Vec<(String, String)>>>;

/// Accepts SMTP sessions on 127.0.0.1 and records every message; returns its port.
async fn smtp_sink() -> (u16, Received) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received: Received = Arc::default();
    let store = received.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 sink ESMTP\r\n").await.ok();
                let (mut rcpt, mut data, mut in_data) = (String::new(), String::new(), false);
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store.lock().unwrap().push((rcpt.clone(), data.clone()));
                            w.write_all(b"250 queued\r\n").await.ok();
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        rcpt = line[8..]
                            .trim()
                            .trim_matches(|c| c == '<' || c == '>')
                            .to_string();
                        b"250 ok\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        data.clear();
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.ok();
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    w.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, received)
}

async fn run(app: TestApp, received: Received) {
    app.signup("mail@example.org", "Mae").await;
    let mut got = Vec::new();
    for _ in 0..100 {
        got = received.lock().unwrap().clone();
        if !got.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(got.len(), 1, "one message delivered");
    assert_eq!(got[0].0, "mail@example.org");
    assert!(got[0].1.contains("/en/verify?token="), "{}", got[0].1);
    assert!(
        got[0].1.contains("From: gcm-hub <noreply@localhost>"),
        "{}",
        got[0].1
    );
    // Marked sent, so no other node sends it again.
    let mut sent = None;
    for _ in 0..40 {
        sent = app.mail_to("mail@example.org").await[0].sent_at.clone();
        if sent.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(sent.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_by_smtp_sqlite() {
    let (port, received) = smtp_sink().await;
    let app = TestApp::sqlite_with(|s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    run(app, received).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_is_delivered_by_smtp_postgres() {
    let (port, received) = smtp_sink().await;
    let Some(app) =
        TestApp::postgres_with(|s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await
    else {
        return;
    };
    run(app, received).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undeliverable_mail_is_kept_with_its_error_sqlite() {
    // Nothing listens on this port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = TestApp::sqlite_with(|s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    app.signup("lost@example.org", "Lo").await;
    let mut mail = None;
    for _ in 0..100 {
        let m = app.mail_to("lost@example.org").await;
        if m.first().is_some_and(|m| m.last_error.is_some()) {
            mail = m.into_iter().next();
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mail = mail.expect("delivery was tried and its error recorded");
    assert!(mail.sent_at.is_none());
    assert_eq!(mail.attempts, 1, "backs off instead of retrying at once");
}
