//! The contact card as plain text a resident can paste into a WeChat group.

use super::{Lang, role_label, strings};
use crate::domain::compound::Compound;
use crate::domain::contact_card::{CardEntry, ContactCard};
use crate::domain::phone::parse_phone;

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
        "【{}】{} {}",
        s.app_name, compound.name, building_name
    )];
    for (role, entry) in &card.entries {
        let who = match entry {
            CardEntry::Found(people) => people
                .iter()
                .map(|p| {
                    let phone = parse_phone(&p.phone)
                        .map(|n| n.display())
                        .unwrap_or_default();
                    format!("{} {} {}", p.name, p.title, phone)
                })
                .collect::<Vec<_>>()
                .join("；"),
            CardEntry::Vacant => s.nobody.to_string(),
        };
        lines.push(format!("{}：{}", role_label(*role, lang), who));
    }
    if let Some(hotline) = compound
        .hotline
        .as_deref()
        .and_then(|h| parse_phone(h).ok())
    {
        lines.push(format!("{}：{}", s.property_hotline, hotline.display()));
    }
    lines.push(url.to_string());
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::ManagementMode;
    use crate::domain::contact_card::contact_card;
    use crate::domain::scale::{Layout, Rng, build_roster, build_tree};

    #[test]
    fn card_text_lists_three_roles_and_the_link() {
        let mut c =
            crate::domain::dataset::tests::compound("dongtangcun", ManagementMode::PropertyCompany);
        c.name = "东塘村小区".into();
        c.hotline = Some("0731-0000 1001".into());
        c.grids = build_tree(&Layout {
            grids: 1,
            buildings_per_grid: 1,
            units_per_building: 1,
        });
        c.stewards = build_roster("d", &c.grids, &mut Rng::new(1), &mut 0);
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
    }
}
