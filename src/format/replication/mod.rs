//! The pure half of CouchDB replication (protocol v3), tested natively: documents on the
//! wire, what a batch asks for and sends, and where a replication resumes. The HTTP half
//! (requests, batches, live updates) is the browser platform's (`platform::replicator`).

pub mod attachments;
pub mod checkpoint;
pub mod config;
pub mod databases;
pub mod health;
pub mod plan;
pub mod problem;
pub mod wire;

#[cfg(test)]
mod tests;
