// Who may write what, enforced by the server (CouchDB runs this on every write to a
// database that has the design document `_design/cs`; admins pass). The database's name
// says what it holds (see src/format/replication/databases.rs):
//   c-<compound>   the roster and its change log: everyone reads, its stewards write
//   r-<compound>   reports, mediation, arrears: its stewards and the district office
//   userdb-<hex>   a signed-in resident's own reports (CouchDB's per-user database)
//   district       everything, copied in by the server's replicator; the office writes
//                  its quarterly scoring
// Reasons are shown to the person on the phone as they are: Chinese, then English.
function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  function refuse(why) { throw({ forbidden: why }); }
  if (has('_admin')) return;
  // CouchDB names the database in userCtx.db; setup.mjs also writes the name into each
  // database's copy of this function, for servers that leave it out (pouchdb-server, in
  // the tests, on _bulk_docs).
  var db = userCtx.db || '__DATABASE__';
  var dash = db.indexOf('-');
  var type = dash > 0 ? db.slice(0, dash) : db;
  var compound = dash > 0 ? db.slice(dash + 1) : '';
  var kind = String(newDoc._id).split(':')[0];
  var office = has('district');
  var steward = office || has('steward:' + compound);
  // A deletion carries no fields to check; who may delete is who may write.
  var live = !newDoc._deleted;
  if (type === 'c') {
    if (!steward) refuse('只有本小区的管家可以修改花名册 · Only this compound\'s stewards may change its roster');
    if (kind !== 'compound' && kind !== 'change') refuse('这里只放花名册和修改记录 · Only rosters and their change log belong here');
    if (live && kind === 'compound' && newDoc.id !== compound) refuse('这不是本小区的花名册 · That roster is another compound\'s');
    if (live && kind === 'change' && newDoc.compound !== compound) refuse('这不是本小区的记录 · That record is another compound\'s');
    return;
  }
  if (type === 'r') {
    if (!steward) refuse('只有本小区的管家可以写报事记录 · Only this compound\'s stewards may write its records');
    if (['report', 'mediation', 'arrears'].indexOf(kind) === -1) refuse('这里只放报事、调解和追缴记录 · Only reports, mediation and arrears belong here');
    if (live && newDoc.compound !== compound) refuse('这不是本小区的记录 · That record is another compound\'s');
    return;
  }
  if (type === 'userdb') {
    // Only the owner is a member of their database; they file reports there.
    if (kind !== 'report') refuse('这里只放您自己的报事 · Only your own reports belong here');
    if (live && newDoc.filed_by && newDoc.filed_by !== userCtx.name) refuse('这条报事不是您提交的 · This report was filed by another account');
    return;
  }
  if (db === 'district') {
    if (!office) refuse('只有街道办可以写这里 · Only the district office writes here');
    return;
  }
  refuse('这个数据库不归小区管家使用 · This database is not one of 小区管家\'s');
}
