//! Mail delivery over SMTP (lettre), used when `smtp_url` is configured. Without it, mail
//! stays in the outbox, visible to administrators, and is logged when queued.

use std::future::Future;
use std::pin::Pin;

use gcm_store::outbox::{Mail, Mailer};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// An SMTP mailer.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    /// `url`: `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://host:465`
    /// (implicit TLS) or `smtp://localhost:25` (no TLS, for a local relay).
    pub fn new(url: &str, from: &str) -> Result<Smtp, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("invalid setting \"smtp_url\": {e}"))?
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("invalid setting \"mail_from\": {e}"))?;
        Ok(Smtp { transport, from })
    }
}

impl Mailer for Smtp {
    fn send<'a>(
        &'a self,
        mail: &'a Mail,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            let to: Mailbox = mail.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(mail.subject.clone())
                .header(ContentType::TEXT_PLAIN)
                .body(mail.body.clone())
                .map_err(|e| e.to_string())?;
            self.transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }
}
