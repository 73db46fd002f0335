//! Themed calls for practices: a title, a description, the objectives and theme sought, and a
//! deadline after which the call takes no more submissions.
