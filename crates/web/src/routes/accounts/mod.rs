//! Accounts: signing in and out, creating an account, the first-administrator setup, e-mail
//! confirmation and password reset links, and the account page with its sessions, API tokens,
//! data export and closure.

pub mod account;
pub mod links;
pub mod session;
pub mod setup;
pub mod signup;

use askama::Template;
use gcm_core::accounts::CredentialProblem;

use crate::i18n::Tr;
use crate::pages::Chrome;

/// One input of a simple form.
pub struct FieldSpec {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: String,
    pub autocomplete: &'static str,
    pub hint: Option<String>,
}

/// A simple form: hidden values, inputs and a submit button.
pub struct FormSpec {
    pub action: String,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<FieldSpec>,
    pub submit: String,
    pub danger: bool,
}

/// A page with a title, an optional message, an optional form and an optional link.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub c: Chrome,
    pub title: String,
    pub notice: Option<String>,
    pub error: Option<String>,
    pub intro: Option<String>,
    pub form: Option<FormSpec>,
    pub link: Option<(String, String)>,
}

/// The localized message for a refused e-mail address, password or name.
pub fn problem_message(tr: &Tr, p: CredentialProblem) -> String {
    tr.t(&format!("api-error-{}", p.code().replace('_', "-")))
}
