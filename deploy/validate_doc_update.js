// Who may write what, enforced by the server (CouchDB runs this on every write to a
// database that has the design document `_design/cs`; server admins pass). This is the
// second wall: the public door (deploy/rules.mjs `authorize`, asked by nginx) and the
// relay's copy rule (`judge`) come first; docs/SECURITY.md has the whole design. The
// database's name says what it holds (src/format/replication/databases.rs):
//   c-<compound>   the roster and its change log: everyone reads, its stewards write
//   r-<compound>   reports, mediation, arrears: its stewards, its community (a role the
//                  set-up put in this database's security object) and the district office
//   userdb-<hex>   a signed-in resident's own reports (members: that resident alone)
//   district       everything, copied in by the relay; the office writes its scoring
//                  and its governance records (committee:<compound>, contract:<id>,
//                  company:<id>, meeting:<id>, case:<id>, improvement:<id>,
//                  census:<compound>)
// The relay service's account (role cs-relay) writes what it carries between them; it is
// no admin, so these rules hold for it too. Design documents: only the set-up (admins).
// Reasons are shown to the person on the phone as they are: Chinese, then English.
function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  function refuse(why) { throw({ forbidden: why }); }
  if (has('_admin')) return;
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) refuse('规则只能由服务器管理员修改 · Only the server set-up changes the rules');
  // CouchDB names the database in userCtx.db; setup.mjs also writes the name into each
  // database's copy of this function, for servers that leave it out (pouchdb-server, in
  // the tests, on _bulk_docs).
  var db = userCtx.db || '__DATABASE__';
  var dash = db.indexOf('-');
  var type = dash > 0 ? db.slice(0, dash) : db;
  var compound = dash > 0 ? db.slice(dash + 1) : '';
  var kind = id.split(':')[0];
  var office = has('district');
  var relay = has('cs-relay');
  var steward = office || has('steward:' + compound);
  // The compound's community role, as the set-up wrote it into this database's copy of
  // these rules (the same one it put in the security object; '' for none). Written in,
  // not read from secObj: pouchdb-server, in the tests, leaves secObj out on _bulk_docs.
  var communityRole = '__COMMUNITY__';
  var community = communityRole !== '' && has(communityRole);
  // A deletion carries no fields to check; who may delete is who may write.
  var live = !newDoc._deleted;
  if (type === 'c') {
    if (!steward && !relay) refuse('只有本小区的管家可以修改花名册 · Only this compound\'s stewards may change its roster');
    if (kind !== 'compound' && kind !== 'change') refuse('这里只放花名册和修改记录 · Only rosters and their change log belong here');
    // The _id names the compound too: a roster filed under another compound's _id would
    // meet that compound's roster wherever both are copied.
    if (kind === 'compound' && id !== 'compound:' + compound) refuse('这不是本小区的花名册 · That roster is another compound\'s');
    if (live && kind === 'compound' && newDoc.id !== compound) refuse('这不是本小区的花名册 · That roster is another compound\'s');
    if (live && kind === 'change' && newDoc.compound !== compound) refuse('这不是本小区的记录 · That record is another compound\'s');
    return;
  }
  if (type === 'r') {
    if (!steward && !community && !relay) refuse('只有本小区的管家可以写报事记录 · Only this compound\'s stewards may write its records');
    if (['report', 'mediation', 'arrears'].indexOf(kind) === -1) refuse('这里只放报事、调解和追缴记录 · Only reports, mediation and arrears belong here');
    if (live && newDoc.compound !== compound) refuse('这不是本小区的记录 · That record is another compound\'s');
    if (oldDoc && !oldDoc._deleted && oldDoc.compound !== compound) refuse('这不是本小区的记录 · That record is another compound\'s');
    return;
  }
  if (type === 'userdb') {
    // The owner's name from the database's name (hex of its UTF-8 bytes).
    var owner = null;
    if (/^([0-9a-f]{2})+$/.test(compound)) {
      try { owner = decodeURIComponent(compound.replace(/(..)/g, '%$1')); } catch (e) { owner = null; }
    }
    if (owner === null) refuse('这个数据库不归小区管家使用 · This database is not one of 小区管家\'s');
    if (userCtx.name !== owner && !relay) refuse('这是别人的报事库 · This is another account\'s database');
    if (kind !== 'report') refuse('这里只放您自己的报事 · Only your own reports belong here');
    if (live && newDoc.filed_by !== owner) refuse('这条报事不是您提交的 · This report was filed by another account');
    if (oldDoc && !oldDoc._deleted && oldDoc.filed_by !== owner) refuse('这条报事不是您提交的 · This report was filed by another account');
    return;
  }
  if (db === 'district') {
    if (relay) {
      if (['compound', 'change', 'report', 'mediation', 'arrears', 'refusal'].indexOf(kind) === -1) refuse('这里不放这种记录 · This kind of record does not belong here');
      return;
    }
    if (!office) refuse('只有区物业办可以写这里 · Only the district office writes here');
    if (['scoring', 'committee', 'contract', 'company', 'meeting', 'case', 'improvement', 'census'].indexOf(kind) === -1) refuse('区物业办在这里只写评分和治理台账 · The office writes its scoring and governance records here; other records come from the compounds');
    if (!live) return;
    // The governance records (src/domain/governance/): one 业委会 record per compound,
    // under that compound's id; a contract names its company and its compounds.
    if (kind === 'committee') {
      if (typeof newDoc.compound !== 'string' || !newDoc.compound || id !== 'committee:' + newDoc.compound) refuse('业委会记录要对应一个小区 · A committee record is filed under its compound');
      var stage = newDoc.current && newDoc.current.stage;
      if (['None', 'Preparing', 'Elected'].indexOf(stage) === -1) refuse('业委会的阶段不对 · Not a committee stage');
    }
    if (kind === 'contract') {
      if (typeof newDoc.company !== 'string' || !newDoc.company.trim()) refuse('合同要写物业公司 · A contract names its company');
      if (!Array.isArray(newDoc.compounds) || !newDoc.compounds.length || newDoc.compounds.some(function (c) { return typeof c !== 'string' || !c; })) refuse('合同要写托管的小区 · A contract names its compounds');
    }
    if (kind === 'company' && (typeof newDoc.name !== 'string' || !newDoc.name.trim())) refuse('物业公司要写名称 · A company in the register has a name');
    if (kind === 'meeting' && (['Quarterly', 'Special'].indexOf(newDoc.kind) === -1 || typeof newDoc.date !== 'string' || !newDoc.date)) refuse('会议要写类型和日期 · A meeting has its kind and date');
    // A key case: title, kind, the compounds it spans, a positive number of households,
    // the day opened; resolved ones with a day not before it. An improvement: its compound,
    // kind (another kind says what), a positive quantity and the day done.
    var count = function (n) { return typeof n === 'number' && n >= 1 && Math.floor(n) === n; };
    var day = function (d) { return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d); };
    if (kind === 'case') {
      if (typeof newDoc.title !== 'string' || !newDoc.title.trim() || ['Certificates', 'RepairFund', 'Lifts', 'Other'].indexOf(newDoc.kind) === -1) refuse('重点个案要写名称和类型 · A key case has its title and kind');
      if (!Array.isArray(newDoc.compounds) || !newDoc.compounds.length || newDoc.compounds.some(function (c) { return typeof c !== 'string' || !c; })) refuse('重点个案要写涉及的小区 · A key case names its compounds');
      if (!count(newDoc.households) || !day(newDoc.opened)) refuse('重点个案要写涉及户数和立案日期 · A key case has its households and the day it was opened');
      if (['Open', 'Resolved'].indexOf(newDoc.status) === -1 || (newDoc.status === 'Resolved' && (!day(newDoc.resolved_on) || newDoc.resolved_on < newDoc.opened))) refuse('已解决的个案要写解决日期，不早于立案 · A resolved case has the day it was resolved, not before it was opened');
    }
    if (kind === 'improvement') {
      if (typeof newDoc.compound !== 'string' || !newDoc.compound || ['BicycleShed', 'DryingRacks', 'Parking', 'Charging', 'Other'].indexOf(newDoc.kind) === -1) refuse('改善项目要写小区和项目 · An improvement has its compound and kind');
      if (newDoc.kind === 'Other' && (typeof newDoc.description !== 'string' || !newDoc.description.trim())) refuse('其他改善要写明内容 · Another kind of improvement says what it is');
      if (!count(newDoc.quantity) || !day(newDoc.done_on)) refuse('改善项目要写数量和完成日期 · An improvement has its quantity and the day it was done');
    }
    // A party census (党员摸底): filed under its compound, dated, its members each with a
    // name and building, and figures that are counts and agree with the members listed.
    if (kind === 'census') {
      if (typeof newDoc.compound !== 'string' || !newDoc.compound || id !== 'census:' + newDoc.compound) refuse('党员摸底要对应一个小区 · A census is filed under its compound');
      if (typeof newDoc.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(newDoc.date)) refuse('党员摸底要写摸底日期 · A census has the date of its count');
      var tallied = function (n) { return typeof n === 'number' && n >= 0 && Math.floor(n) === n; };
      var members = newDoc.members, tally = newDoc.tally;
      if (!Array.isArray(members) || members.some(function (m) { return !m || typeof m.name !== 'string' || !m.name.trim() || typeof m.building !== 'string' || !m.building.trim(); })) refuse('每位党员要写姓名和楼栋 · Each member has a name and a building');
      if (!tally || !Array.isArray(tally.by_building) || !tallied(tally.officials) || !tallied(tally.reported) || tally.reported > tally.officials
        || tally.by_building.some(function (b) { return !b || typeof b.building !== 'string' || !tallied(b.members); })) refuse('党员摸底的人数不对 · A census\'s figures are not counts');
      var total = tally.by_building.reduce(function (n, b) { return n + b.members; }, 0);
      var officials = members.filter(function (m) { return m.official === true; });
      if (members.length && (total !== members.length || tally.officials !== officials.length
        || tally.reported !== officials.filter(function (m) { return typeof m.reported_on === 'string' && m.reported_on; }).length)) refuse('党员摸底的人数和名单对不上 · A census\'s figures do not agree with its members');
    }
    return;
  }
  if (db === 'cs-relay') {
    if (!relay) refuse('这是同步服务自己的库 · This is the relay service\'s own database');
    return;
  }
  refuse('这个数据库不归小区管家使用 · This database is not one of 小区管家\'s');
}
