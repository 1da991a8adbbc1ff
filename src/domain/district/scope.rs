//! The district's tiers (上下联动): district → street (街道) → community (社区) → compound.
//! A `Scope` is one place at one tier — what `/district` shows figures for, and what a
//! street's or community's account may see (its role names it: `street:<street>`,
//! `community:<street>/<community>`, docs/SECURITY.md). A compound's street and
//! community are its own `subdistrict` and `community` fields.

use crate::domain::compound::Compound;

/// One place of the district, at one tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    District,
    Street(String),
    Community { street: String, community: String },
    Compound(String),
}

impl Scope {
    /// The place a server role names: a street's or a community's (none for any other
    /// role, or one spelled another way: a community without its street).
    pub fn of_role(role: &str) -> Option<Scope> {
        if let Some(street) = role.strip_prefix("street:") {
            return (!street.is_empty() && !street.contains('/'))
                .then(|| Scope::Street(street.into()));
        }
        let (street, community) = role.strip_prefix("community:")?.split_once('/')?;
        (!street.is_empty() && !community.is_empty() && !community.contains('/')).then(|| {
            Scope::Community {
                street: street.into(),
                community: community.into(),
            }
        })
    }

    /// Whether `c` is in this place.
    pub fn contains(&self, c: &Compound) -> bool {
        match self {
            Scope::District => true,
            Scope::Street(s) => c.subdistrict == *s,
            Scope::Community { street, community } => {
                c.subdistrict == *street && c.community == *community
            }
            Scope::Compound(id) => c.id == *id,
        }
    }

    /// Whether this place lies within `outer` (itself included), given the compounds
    /// (a compound's street and community are its own).
    pub fn within(&self, outer: &Scope, compounds: &[Compound]) -> bool {
        match (outer, self) {
            (Scope::District, _) => true,
            (_, Scope::District) => false,
            (Scope::Street(a), Scope::Street(b)) => a == b,
            (Scope::Street(a), Scope::Community { street, .. }) => a == street,
            (Scope::Community { .. }, Scope::Street(_)) => false,
            (a @ Scope::Community { .. }, b @ Scope::Community { .. }) => a == b,
            (Scope::Compound(a), Scope::Compound(b)) => a == b,
            (Scope::Compound(_), _) => false,
            (outer, Scope::Compound(id)) => compounds
                .iter()
                .find(|c| c.id == *id)
                .is_some_and(|c| outer.contains(c)),
        }
    }

    /// The place one tier up, within `compounds` (a compound's community, or its street
    /// where it names no community); none above the district.
    pub fn parent(&self, compounds: &[Compound]) -> Option<Scope> {
        match self {
            Scope::District => None,
            Scope::Street(_) => Some(Scope::District),
            Scope::Community { street, .. } => Some(Scope::Street(street.clone())),
            Scope::Compound(id) => {
                let c = compounds.iter().find(|c| c.id == *id)?;
                Some(match (c.subdistrict.as_str(), c.community.as_str()) {
                    ("", _) => Scope::District,
                    (street, "") => Scope::Street(street.into()),
                    (street, community) => Scope::Community {
                        street: street.into(),
                        community: community.into(),
                    },
                })
            }
        }
    }

    /// The places one tier down, in the compounds' order: a district's streets, a
    /// street's communities, a community's compounds. A compound with no street (or no
    /// community) is listed as a compound of the tier above.
    pub fn children(&self, compounds: &[Compound]) -> Vec<Scope> {
        let mut out: Vec<Scope> = Vec::new();
        for c in compounds.iter().filter(|c| !c.deleted && self.contains(c)) {
            let child = match self {
                Scope::District if !c.subdistrict.is_empty() => {
                    Scope::Street(c.subdistrict.clone())
                }
                Scope::Street(street) if !c.community.is_empty() => Scope::Community {
                    street: street.clone(),
                    community: c.community.clone(),
                },
                Scope::Compound(_) => continue,
                _ => Scope::Compound(c.id.clone()),
            };
            if !out.contains(&child) {
                out.push(child);
            }
        }
        out
    }

    /// The trail from the district down to this place (itself last).
    pub fn trail(&self, compounds: &[Compound]) -> Vec<Scope> {
        let mut trail = vec![self.clone()];
        while let Some(up) = trail.last().and_then(|s| s.parent(compounds)) {
            trail.push(up);
        }
        trail.reverse();
        trail
    }

    /// Its name as a person reads it (a compound's name; the district has none of its own).
    pub fn name(&self, compounds: &[Compound]) -> String {
        match self {
            Scope::District => String::new(),
            Scope::Street(s) => s.clone(),
            Scope::Community { community, .. } => community.clone(),
            Scope::Compound(id) => compounds
                .iter()
                .find(|c| c.id == *id)
                .map_or_else(|| id.clone(), |c| c.name.clone()),
        }
    }
}

/// The compounds within `scope`, as ids.
pub fn compound_ids(scope: &Scope, compounds: &[Compound]) -> Vec<String> {
    compounds
        .iter()
        .filter(|c| !c.deleted && scope.contains(c))
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compound::ManagementMode;
    use crate::fixtures::compound;

    fn placed(id: &str, street: &str, community: &str) -> Compound {
        let mut c = compound(id, ManagementMode::PropertyCompany);
        c.subdistrict = street.into();
        c.community = community.into();
        c
    }

    fn sample() -> Vec<Compound> {
        vec![
            placed("tianhe", "书院路街道", "晓塘社区"),
            placed("dongtang", "书院路街道", "新塘社区"),
            placed("beiyuan", "书院路街道", "新塘社区"),
            placed("far", "建设路街道", "建设社区"),
            placed("songtao", "", ""),
        ]
    }

    fn community(street: &str, community: &str) -> Scope {
        Scope::Community {
            street: street.into(),
            community: community.into(),
        }
    }

    #[test]
    fn roles_name_a_street_or_a_community_and_nothing_spelled_otherwise() {
        assert_eq!(
            Scope::of_role("street:书院路街道"),
            Some(Scope::Street("书院路街道".into()))
        );
        assert_eq!(
            Scope::of_role("community:书院路街道/新塘社区"),
            Some(community("书院路街道", "新塘社区"))
        );
        for other in [
            "community:新塘社区",
            "street:",
            "street:书院路街道/新塘社区",
            "community:书院路街道/新塘社区/x",
            "community:/新塘社区",
            "steward:dongtangcun",
            "district",
        ] {
            assert_eq!(Scope::of_role(other), None, "{other}");
        }
    }

    #[test]
    fn each_tier_holds_its_own_compounds_only() {
        let all = sample();
        let ids = |s: &Scope| compound_ids(s, &all);
        assert_eq!(ids(&Scope::District).len(), 5);
        assert_eq!(
            ids(&Scope::Street("书院路街道".into())),
            ["tianhe", "dongtang", "beiyuan"]
        );
        assert_eq!(
            ids(&community("书院路街道", "新塘社区")),
            ["dongtang", "beiyuan"]
        );
        // The same community name in another street is another community.
        assert!(ids(&community("建设路街道", "新塘社区")).is_empty());
        assert_eq!(ids(&Scope::Compound("far".into())), ["far"]);
    }

    #[test]
    fn down_and_back_up_the_tiers() {
        let all = sample();
        assert_eq!(
            Scope::District.children(&all),
            [
                Scope::Street("书院路街道".into()),
                Scope::Street("建设路街道".into()),
                Scope::Compound("songtao".into())
            ]
        );
        let street = Scope::Street("书院路街道".into());
        assert_eq!(
            street.children(&all),
            [
                community("书院路街道", "晓塘社区"),
                community("书院路街道", "新塘社区")
            ]
        );
        let xintang = community("书院路街道", "新塘社区");
        assert_eq!(
            xintang.children(&all),
            [
                Scope::Compound("dongtang".into()),
                Scope::Compound("beiyuan".into())
            ]
        );
        let dongtang = Scope::Compound("dongtang".into());
        assert_eq!(
            dongtang.trail(&all),
            [
                Scope::District,
                street.clone(),
                xintang.clone(),
                dongtang.clone()
            ]
        );
        assert_eq!(
            Scope::Compound("songtao".into()).parent(&all),
            Some(Scope::District)
        );
        assert!(dongtang.within(&street, &all));
        assert!(xintang.within(&street, &all));
        assert!(!Scope::Compound("far".into()).within(&street, &all));
        assert!(!street.within(&xintang, &all));
        assert!(!Scope::District.within(&street, &all));
        assert_eq!(dongtang.name(&all), "dongtang小区");
    }
}
