//! The pure half of CouchDB replication (protocol v3), tested natively: documents on the
//! wire, what a batch asks for and sends, and where a replication resumes. The HTTP half
//! (requests, batches, live updates) belongs to the browser platform and is not built yet
//! (issue: sync through a CouchDB server).

pub mod checkpoint;
pub mod plan;
pub mod wire;

#[cfg(test)]
mod tests;
