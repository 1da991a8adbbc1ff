//! The words of 同步 (sync with a district's server), read by the resident app and the
//! console. Kept apart so the browse entry carries none of them.

use super::Lang;
use crate::format::replication::config::AddressError;
use crate::format::replication::problem::SyncProblem;

pub struct SyncStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub server: &'static str,
    pub server_hint: &'static str,
    pub save_server: &'static str,
    pub server_saved: &'static str,
    pub err_not_address: &'static str,
    pub err_malformed: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub sign_out: &'static str,
    pub err_name_missing: &'static str,
    pub err_wrong_password: &'static str,
    pub signed_in_as: &'static str,
    pub not_signed_in: &'static str,
    pub steward_of: &'static str,
    pub district: &'static str,
    pub start: &'static str,
    pub stop: &'static str,
    pub sync_now: &'static str,
    pub off: &'static str,
    pub syncing: &'static str,
    pub up_to_date: &'static str,
    pub retrying: &'static str,
    pub other_tab: &'static str,
    pub last_sync: &'static str,
    pub never: &'static str,
    pub pending: &'static str,
    pub moved: &'static str,
    pub refused_title: &'static str,
    pub offline: &'static str,
    pub signed_out: &'static str,
    pub refused: &'static str,
    pub no_database: &'static str,
    pub phone_storage: &'static str,
    pub server_error: &'static str,
    /// Signing out could not reach the server (the sign-in is over on this phone).
    pub signed_out_offline: &'static str,
    /// 「这台手机上有 」 n 「 条报事…是您的吗？」: reports filed while nobody was signed in.
    pub claim_before: &'static str,
    pub claim_after: &'static str,
    pub claim_hint: &'static str,
    pub claim_mine: &'static str,
    pub claim_not_mine: &'static str,
}

impl SyncStrings {
    pub fn address_error(&self, e: AddressError) -> &'static str {
        match e {
            AddressError::NotAnAddress => self.err_not_address,
            AddressError::Malformed => self.err_malformed,
        }
    }

    /// The problem in a sentence, with what it names (a database, a reason, a status).
    pub fn problem(&self, p: &SyncProblem) -> String {
        match p {
            SyncProblem::Offline => self.offline.into(),
            SyncProblem::SignedOut => self.signed_out.into(),
            SyncProblem::Refused { reason } => format!("{}{reason}", self.refused),
            SyncProblem::NoDatabase { db } => format!("{}{db}", self.no_database),
            SyncProblem::PhoneStorage => self.phone_storage.into(),
            SyncProblem::Server { status } => format!("{}{status}", self.server_error),
        }
    }
}

pub fn sync_strings(lang: Lang) -> &'static SyncStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

const ZH: SyncStrings = SyncStrings {
    title: "同步",
    intro: "街道办开了同步服务器时，报事、花名册和处理进展会自动在各手机之间传递。没网时改动先存在本机，联网后自动发出。",
    server: "服务器地址",
    server_hint: "一般不用改：本站的 /db/。别的地址须是 https:// 开头，并在打包应用时允许。",
    save_server: "保存地址",
    server_saved: "地址已保存。",
    err_not_address: "这不是服务器地址：请填本站的路径（如 /db/）或 https:// 开头的地址。",
    err_malformed: "地址里不能有空格、“?”或“#”。",
    name: "用户名",
    password: "密码",
    sign_in: "登录并同步",
    signing_in: "正在登录…",
    sign_out: "退出登录",
    err_name_missing: "请填写用户名和密码。",
    err_wrong_password: "用户名或密码不对，请再试一次。",
    signed_in_as: "已登录：",
    not_signed_in: "未登录：只接收本小区的花名册和公告。",
    steward_of: "管家 · ",
    district: "街道办",
    start: "开始同步",
    stop: "停止同步",
    sync_now: "立即同步",
    off: "同步已关闭",
    syncing: "正在同步…",
    up_to_date: "已同步",
    retrying: "没有同步上，稍后自动重试",
    other_tab: "本机另一个小区管家页面正在同步；关掉它后，这里接着同步",
    last_sync: "上次同步：",
    never: "还没有同步过",
    pending: " 条改动等待发出",
    moved: "已收到 / 已发出：",
    refused_title: "服务器没有收下这些改动（本机的保留着）：",
    offline: "连不上服务器：没有网络，或服务器没开。改动都存在本机，联网后自动发出。",
    signed_out: "登录已过期，或用户名、密码不对：请重新登录。",
    refused: "服务器拒绝了：",
    no_database: "服务器上还没有这个数据库，请街道办按部署说明建好：",
    phone_storage: "本机存储出错，同步暂停（见页面顶部的提示）。",
    server_error: "服务器出错，稍后自动重试。状态码 ",
    signed_out_offline: "已在本机退出登录。但现在连不上服务器：服务器上的登录会在下次联网同步时结束，没同步也会在一段时间不用后自行失效（通常 10 分钟）。",
    claim_before: "这台手机上有 ",
    claim_after: " 条报事是在没有人登录时提交的，是您的吗？",
    claim_hint: "选「是我的」，它们随您的账号同步，管家的处理进展会回到您的手机；选「不是我的」，它们只留在这台手机上，不进您的账号。",
    claim_mine: "是我的",
    claim_not_mine: "不是我的",
};

const EN: SyncStrings = SyncStrings {
    title: "Sync",
    intro: "When the district runs a sync server, reports, rosters and progress move between phones by themselves. Offline, changes wait on this phone and go when the network is back.",
    server: "Server address",
    server_hint: "Usually leave it: this site's /db/. Another address must start with https:// and be allowed when the app is built.",
    save_server: "Save address",
    server_saved: "Address saved.",
    err_not_address: "That is not a server address: give a path on this site (such as /db/) or an address starting with https://.",
    err_malformed: "An address cannot contain spaces, “?” or “#”.",
    name: "User name",
    password: "Password",
    sign_in: "Sign in and sync",
    signing_in: "Signing in…",
    sign_out: "Sign out",
    err_name_missing: "Enter a user name and a password.",
    err_wrong_password: "The user name or the password is wrong; try again.",
    signed_in_as: "Signed in: ",
    not_signed_in: "Not signed in: only your compound's roster and notices come in.",
    steward_of: "steward · ",
    district: "district office",
    start: "Start syncing",
    stop: "Stop syncing",
    sync_now: "Sync now",
    off: "Sync is off",
    syncing: "Syncing…",
    up_to_date: "Up to date",
    retrying: "Not synced; trying again shortly",
    other_tab: "Another 小区管家 tab on this phone is syncing; this one takes over when it closes",
    last_sync: "Last synced: ",
    never: "Not synced yet",
    pending: " changes waiting to go",
    moved: "Received / sent so far: ",
    refused_title: "The server did not take these changes (this phone keeps them):",
    offline: "Cannot reach the server: no network, or the server is down. Changes are kept on this phone and go when the network is back.",
    signed_out: "The sign-in ended, or the name or password is wrong: sign in again.",
    refused: "The server refused: ",
    no_database: "The server has no such database yet; the district should set it up as the deployment guide says: ",
    phone_storage: "This phone's storage failed; sync is paused (see the notice at the top).",
    server_error: "The server had an error; trying again shortly. Status ",
    signed_out_offline: "Signed out on this phone. The server cannot be reached now: its sign-in ends at the next sync with the network, and by itself after a while unused anyway (usually 10 minutes).",
    claim_before: "This phone has ",
    claim_after: " report(s) filed while nobody was signed in. Are they yours?",
    claim_hint: "“Mine”: they sync with your account and the stewards' progress comes back to your phone. “Not mine”: they stay on this phone only, not in your account.",
    claim_mine: "Mine",
    claim_not_mine: "Not mine",
};
