//! The contact card as plain text a resident can paste into a WeChat group.

use super::{Lang, strings};
use crate::domain::compound::Compound;
use crate::domain::compound::Notice;
use crate::domain::contact_card::{CardEntry, ContactCard};
use crate::domain::phone::parse_phone;
use crate::domain::report::Report;
use crate::domain::time::{format_date, format_date_time};

/// Stewards' numbers are written out in full: they are on the card to be called.
pub fn card_text(
    compound: &Compound,
    building_name: &str,
    card: &ContactCard,
    url: &str,
    lang: Lang,
) -> String {
    let s = strings(lang);
    let mut lines = vec![format!(
        "{}{} {}",
        s.heading(s.app_name),
        compound.name,
        building_name
    )];
    for (role, entry) in &card.entries {
        let who = match entry {
            CardEntry::Found(people) => s.clauses(
                &people
                    .iter()
                    .map(|p| format!("{} {} {}", p.name, p.title, p.phone_display()))
                    .collect::<Vec<_>>(),
            ),
            CardEntry::Vacant => s.nobody.to_string(),
        };
        lines.push(format!("{}{}{who}", s.role(*role), s.colon()));
    }
    if let Some(hotline) = compound
        .hotline
        .as_deref()
        .and_then(|h| parse_phone(h).ok())
    {
        let hotline = hotline.display();
        lines.push(format!("{}{}{hotline}", s.property_hotline, s.colon()));
    }
    lines.push(url.to_string());
    lines.join("\n")
}

/// A notice as text for a WeChat group: compound, title, text and, if it ends, until when.
pub fn notice_text(compound: &str, notice: &Notice, lang: Lang) -> String {
    let s = strings(lang);
    let mut lines = vec![
        format!(
            "{}{compound} {}{}{}",
            s.heading(s.app_name),
            s.notices,
            s.colon(),
            notice.title
        ),
        notice.body.clone(),
    ];
    if let Some(end) = notice.expires_at {
        lines.push(format!("{}{}", s.notice_until, format_date(end)));
    }
    lines.join("\n")
}

/// A report as text for an SMS, a share sheet or WeChat. `place` is the compound,
/// building and unit written out. The reporter's name and phone appear only when the
/// reporter allowed it.
pub fn report_text(report: &Report, place: &str, lang: Lang) -> String {
    let s = strings(lang);
    let mut lines = vec![
        format!(
            "{}{} {}",
            s.heading(s.app_name),
            s.app().share_report_word,
            report.id
        ),
        place.to_string(),
        format!(
            "{}{}{}",
            s.app().share_category,
            s.colon(),
            s.with_note(s.category(report.category), s.urgency(report.urgency))
        ),
        format!(
            "{}{}{}",
            s.app().share_problem,
            s.colon(),
            report.description
        ),
    ];
    for (key, answer) in &report.answers {
        let shown = s.answer(answer);
        if !shown.is_empty() {
            lines.push(format!("{} {}", s.question(key), shown));
        }
    }
    if let Some(at) = report.submitted_at() {
        let at = format_date_time(at);
        lines.push(format!("{}{}{at}", s.app().share_time, s.colon()));
    }
    if report.share_phone {
        let name = report.reporter_name.clone().unwrap_or_default();
        let phone = report
            .reporter_phone
            .as_deref()
            .and_then(|p| parse_phone(p).ok())
            .map(|p| p.display())
            .unwrap_or_default();
        if !name.is_empty() || !phone.is_empty() {
            lines.push(
                format!("{}{}{name} {phone}", s.app().share_reporter, s.colon())
                    .trim_end()
                    .to_string(),
            );
        }
    }
    lines.join("\n")
}

/// A steward's latest step as text for the reporter: which report, the step, who, and
/// the note.
pub fn update_text(report: &Report, lang: Lang) -> String {
    let s = strings(lang);
    let mut lines = vec![format!(
        "{}{} {}",
        s.heading(s.app_name),
        s.app().share_report_word,
        report.id
    )];
    if let Some(step) = report.timeline.last() {
        let status = s.with_note(s.status(step.status), s.recorder(step.by));
        lines.push(format!(
            "{}{}{status}{}",
            s.status_label,
            s.colon(),
            step.note
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact_card::contact_card;

    #[test]
    fn card_text_lists_three_roles_and_the_link() {
        let mut c = crate::fixtures::mapped_compound("dongtangcun", 1, 1, 1);
        c.name = "东塘村小区".into();
        c.hotline = Some("0731-0000 1001".into());
        c.stewards
            .retain(|st| st.role != crate::domain::steward::Role::Property);
        let card = contact_card(&c, "1", None).unwrap();
        let text = card_text(&c, "1栋", &card, "https://x/c/dongtangcun/b/1", Lang::Zh);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "【小区管家】东塘村小区 1栋");
        assert!(
            lines[1].starts_with("红管家：") && lines[1].contains("党员中心户 138 0000"),
            "{text}"
        );
        assert_eq!(lines[2], format!("物管家：{}", strings(Lang::Zh).nobody));
        assert!(lines[3].starts_with("和事佬：") && lines[3].contains("楼栋长"));
        assert_eq!(lines[4], "物业服务热线：0731-00001001");
        assert_eq!(lines[5], "https://x/c/dongtangcun/b/1");
        // In English the marks are English too.
        let text = card_text(&c, "Bldg 1", &card, "https://x/c/dongtangcun/b/1", Lang::En);
        assert!(text.starts_with("[Compound Steward] "), "{text}");
        assert!(!text.contains(['【', '：', '；', '（']), "{text}");
    }

    #[test]
    fn notice_text_says_where_what_and_until_when() {
        let n = Notice {
            id: "n".into(),
            title: "周六停水".into(),
            body: "上午 8 点到 12 点".into(),
            published_at: 0,
            pinned: true,
            expires_at: Some(1_795_624_200_000),
        };
        assert_eq!(
            notice_text("东塘村小区", &n, Lang::Zh),
            "【小区管家】东塘村小区 通知公告：周六停水\n上午 8 点到 12 点\n有效期至 2026-11-26"
        );
    }

    #[test]
    fn report_text_hides_the_reporter_unless_allowed() {
        use crate::domain::report::{Category, Status};
        let mut r = crate::fixtures::report("dongtangcun", Category::SepticTank);
        r.id = "R20261126-ABCDE".into();
        r.answers = vec![
            ("overflowing".into(), "yes".into()),
            ("which_unit".into(), String::new()),
        ];
        r.reporter_name = Some("张三".into());
        r.reporter_phone = Some("13800000001".into());
        r.transition(Status::Submitted, "", None, 1_795_624_200_000)
            .unwrap();
        let text = report_text(&r, "东塘村小区 3栋", Lang::Zh);
        assert_eq!(
            text,
            "【小区管家】报事 R20261126-ABCDE\n东塘村小区 3栋\n类别：化粪池（一般）\n问题：化粪池堵塞\n是否已经外溢？ 是\n时间：2026-11-26 00:30"
        );
        r.share_phone = true;
        assert!(report_text(&r, "x", Lang::Zh).ends_with("报事人：张三 138 0000 0001"));
    }

    #[test]
    fn update_text_names_the_report_and_its_latest_step() {
        use crate::domain::report::{Category, Status};
        use crate::domain::steward::Role;
        let mut r = crate::fixtures::report("dongtangcun", Category::SepticTank);
        r.id = "R20261126-ABCDE".into();
        r.transition(Status::Submitted, "", None, 1).unwrap();
        r.transition(Status::Resolved, "已疏通", Some(Role::Red), 2)
            .unwrap();
        assert_eq!(
            update_text(&r, Lang::Zh),
            "【小区管家】报事 R20261126-ABCDE\n状态：已处理待确认（红管家）已疏通"
        );
    }
}
