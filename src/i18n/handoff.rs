//! The words of the hand-off loop, read by both entry points: the resident app sends
//! reports and takes stewards' updates in, the console takes reports and answers in.
//! Kept apart from the two big catalogues so each wasm carries these once.

use super::Lang;
use crate::domain::handoff::{Received, Refusal};
use crate::format::handoff::LinkError;

pub struct HandoffStrings {
    pub link_title: &'static str,
    pub reading: &'static str,
    pub update_title: &'static str,
    pub answer_title: &'static str,
    pub report_title: &'static str,
    pub from_link: &'static str,
    pub photos_elsewhere: &'static str,
    pub apply_update: &'static str,
    pub apply_answer: &'static str,
    pub take_in: &'static str,
    pub open_report: &'static str,
    pub rating: &'static str,
    /// Put before the link in a message: what opening it does.
    pub link_line_report: &'static str,
    pub link_line_update: &'static str,
    pub link_line_answer: &'static str,
    pub photos_stay: &'static str,
    pub scan_title: &'static str,
    pub scan_hint: &'static str,
    pub making_link: &'static str,
    pub send_reply: &'static str,
    pub send_reply_sms: &'static str,
    pub send_answer: &'static str,
    pub send_answer_hint: &'static str,
    pub added: &'static str,
    pub updated: &'static str,
    pub already_had: &'static str,
    pub err_empty: &'static str,
    pub err_newer: &'static str,
    pub err_malformed: &'static str,
    pub err_damaged: &'static str,
    pub err_too_large: &'static str,
    pub err_unsupported: &'static str,
    pub err_unknown_report: &'static str,
    pub err_not_theirs: &'static str,
    pub err_illegal: &'static str,
    pub err_note_missing: &'static str,
    pub err_bad_rating: &'static str,
    pub err_bad_content: &'static str,
    pub nothing_changed: &'static str,
    pub record_by_hand_hint: &'static str,
}

impl HandoffStrings {
    pub fn link_error(&self, e: &LinkError) -> &'static str {
        match e {
            LinkError::Empty => self.err_empty,
            LinkError::NewerVersion(_) => self.err_newer,
            LinkError::Malformed => self.err_malformed,
            LinkError::Damaged => self.err_damaged,
            LinkError::TooLarge => self.err_too_large,
            LinkError::Unsupported => self.err_unsupported,
        }
    }

    pub fn refusal(&self, r: &Refusal) -> &'static str {
        match r {
            Refusal::UnknownReport(_) => self.err_unknown_report,
            Refusal::NotTheirs(_) => self.err_not_theirs,
            Refusal::Illegal { .. } => self.err_illegal,
            Refusal::NoteMissing => self.err_note_missing,
            Refusal::BadRating => self.err_bad_rating,
            Refusal::BadContent(_) => self.err_bad_content,
        }
    }

    pub fn received(&self, r: &Received) -> &'static str {
        match r {
            Received::Added => self.added,
            Received::Updated(_) => self.updated,
            Received::AlreadyHad => self.already_had,
        }
    }
}

pub fn handoff_strings(lang: Lang) -> &'static HandoffStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

const ZH: HandoffStrings = HandoffStrings {
    link_title: "报事链接",
    reading: "正在读取链接…",
    update_title: "管家的进展",
    answer_title: "报事人的确认",
    report_title: "收到一份报事",
    from_link: "来自报事人发来的链接，只读",
    photos_elsewhere: "张照片留在报事人手机上，需要时请向报事人要。",
    apply_update: "更新我的这份报事",
    apply_answer: "更新待办里的这份报事",
    take_in: "加入我的待办",
    open_report: "查看这份报事",
    rating: "满意度",
    link_line_report: "管家打开此链接，可把报事加入待办：",
    link_line_update: "打开此链接，把进展加到您的报事里：",
    link_line_answer: "管家打开此链接，可更新待办：",
    photos_stay: "照片留在报事人手机上。",
    scan_title: "让管家扫码带走",
    scan_hint: "管家在身边时，请他用手机扫这个码，报事就进了他的待办。",
    making_link: "正在生成链接…",
    send_reply: "把进展发给报事人",
    send_reply_sms: "短信发给报事人",
    send_answer: "把您的确认发给管家",
    send_answer_hint: "管家打开链接后，待办里这份报事就会显示已确认和您的评价。",
    added: "已加入待办。",
    updated: "已更新。",
    already_had: "这个链接的内容本机已经有了，没有改动。",
    err_empty: "没有找到报事内容：请打开短信或微信里的完整链接。",
    err_newer: "这个链接来自更新版本的小区管家：请刷新页面更新后再打开。",
    err_malformed: "这不是小区管家的报事链接，或者链接不完整：请让对方重新发送。",
    err_damaged: "链接在传送中损坏或被截断（校验不符）：请让对方重新发送。",
    err_too_large: "链接过长，不是小区管家生成的：没有读取。",
    err_unsupported: "这个浏览器太旧，打不开压缩过的链接：请更新手机系统，或用 iOS 16.4 以上的 Safari、Chrome 或 Firefox 打开。",
    err_unknown_report: "本机没有这份报事，无法更新：请在报事的那部手机上打开。",
    err_not_theirs: "链接里有发送人无权记录的步骤：没有采用。",
    err_illegal: "链接里的步骤与本机这份报事的进度不符：请让对方发送最新的链接。",
    err_note_missing: "链接里的步骤缺少说明：没有采用。",
    err_bad_rating: "确认必须带 1–5 星评价：链接有误，没有采用。",
    err_bad_content: "链接里的报事内容不完整或不合规：没有采用。",
    nothing_changed: "本机数据没有任何改动。",
    record_by_hand_hint: "管家用小区管家回复时，打开他发来的链接，进展会自动加到这里。这里只记管家当面或电话告诉您的进展。",
};

const EN: HandoffStrings = HandoffStrings {
    link_title: "Report link",
    reading: "Reading the link…",
    update_title: "The steward's progress",
    answer_title: "The reporter's answer",
    report_title: "A report for you",
    from_link: "From a link the reporter sent; read-only",
    photos_elsewhere: "photo(s) stay on the reporter's phone; ask them if you need to see them.",
    apply_update: "Update my report",
    apply_answer: "Update the report in my queue",
    take_in: "Add to my queue",
    open_report: "Open the report",
    rating: "Rating",
    link_line_report: "Steward: open this link to add the report to your queue:",
    link_line_update: "Open this link to add the progress to your report:",
    link_line_answer: "Steward: open this link to update your queue:",
    photos_stay: "Photos stay on the reporter's phone.",
    scan_title: "Let the steward scan it",
    scan_hint: "With the steward beside you, let them scan this code: the report goes into their queue.",
    making_link: "Making the link…",
    send_reply: "Send the progress to the reporter",
    send_reply_sms: "Text the reporter",
    send_answer: "Send your answer to the steward",
    send_answer_hint: "Once the steward opens the link, their queue shows the report confirmed with your rating.",
    added: "Added to your queue.",
    updated: "Updated.",
    already_had: "This phone already has everything in this link; nothing changed.",
    err_empty: "No report in this link: open the whole link from the SMS or WeChat message.",
    err_newer: "This link comes from a newer version of the app: reload the page to update, then open it again.",
    err_malformed: "This is not a Compound Steward report link, or it is incomplete: ask the sender to send it again.",
    err_damaged: "The link was damaged or cut short on the way (its checksum does not match): ask the sender to send it again.",
    err_too_large: "This link is too long to come from the app: not read.",
    err_unsupported: "This browser is too old to open a compressed link: update the phone, or open it in Safari (iOS 16.4 or later), Chrome or Firefox.",
    err_unknown_report: "This phone does not have that report, so it cannot be updated: open the link on the phone the report was made on.",
    err_not_theirs: "The link has steps its sender may not record: not applied.",
    err_illegal: "The link's steps do not fit this report's progress here: ask for the latest link.",
    err_note_missing: "A step in the link has no note: not applied.",
    err_bad_rating: "A confirmation needs a rating of 1–5: the link is wrong; not applied.",
    err_bad_content: "The report in the link is incomplete or not valid: not applied.",
    nothing_changed: "Nothing on this phone was changed.",
    record_by_hand_hint: "When a steward replies through the app, open the link they send and their steps appear here by themselves. Record here only what a steward told you in person or by phone.",
};
