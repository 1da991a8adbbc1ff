//! What each kind of problem is: its key and link code, the questions stewards need
//! answered first, and which steward role handles it. A new category is added here, with
//! its words in the two catalogues (`i18n/app/zh.rs`, `en.rs`), and nowhere else.

use serde::{Deserialize, Serialize};

use super::steward::Role;

keyed_enum! {
    /// A kind of problem a report is about.
    #[derive(Serialize, Deserialize)]
    pub enum Category {
        Sanitation = "sanitation" @ 0,
        Parking = "parking" @ 1,
        Drainage = "drainage" @ 2,
        SepticTank = "septic_tank" @ 3,
        Facilities = "facilities" @ 4,
        Safety = "safety" @ 5,
        NeighbourDispute = "neighbour_dispute" @ 6,
        PropertyFee = "property_fee" @ 7,
        /// 物业服务不优: a complaint about the property company itself. It goes past the
        /// company's own 物管家 to the community (and the street), and counts in the
        /// company's scorecard (`domain::district::scorecard`).
        PropertyService = "property_service" @ 9,
        Other = "other" @ 8,
    }
}

impl Category {
    /// The role a report of this category goes to: the property steward where a company
    /// or a work unit manages the compound (`managed`), else the red steward, who takes
    /// on what nobody is paid for; disputes go to the peacemaker whatever the mode; a
    /// complaint about the company never to the company's own staff: the red steward, the
    /// community's Party member, takes it, and the community's and street's accounts read
    /// it on the server (docs/SECURITY.md).
    pub fn handled_by(self, managed: bool) -> Role {
        match self {
            Category::NeighbourDispute => Role::Peacemaker,
            Category::Other | Category::PropertyService => Role::Red,
            Category::Sanitation
            | Category::Parking
            | Category::Drainage
            | Category::SepticTank
            | Category::Facilities
            | Category::Safety
            | Category::PropertyFee => {
                if managed {
                    Role::Property
                } else {
                    Role::Red
                }
            }
        }
    }
}

impl Category {
    /// A complaint about the property company itself, not a problem it should fix.
    pub fn about_the_company(self) -> bool {
        self == Category::PropertyService
    }
}

/// How a category-specific question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    YesNo,
    Text,
}

keyed_enum! {
    /// A question asked for some categories (`questions`). Its key names the answer in a
    /// stored report; its code, in a hand-off link; its label is the catalogue's
    /// (`i18n::values`).
    pub enum QuestionKey {
        Overflowing = "overflowing" @ 0,
        WhichUnit = "which_unit" @ 1,
        Where = "where" @ 2,
        FireLane = "fire_lane" @ 3,
        Parties = "parties" @ 4,
        MediatedBefore = "mediated_before" @ 5,
        Flooding = "flooding" @ 6,
        DangerNow = "danger_now" @ 7,
        WhichFacility = "which_facility" @ 8,
    }
}

/// A question asked for one category and how it is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub key: QuestionKey,
    pub kind: AnswerKind,
}

/// What stewards need to know first, per category (as FixMyStreet asks per category).
pub fn questions(category: Category) -> &'static [Question] {
    use AnswerKind::*;
    use QuestionKey::*;
    match category {
        Category::SepticTank => &[
            Question {
                key: Overflowing,
                kind: YesNo,
            },
            Question {
                key: WhichUnit,
                kind: Text,
            },
        ],
        Category::Parking => &[
            Question {
                key: Where,
                kind: Text,
            },
            Question {
                key: FireLane,
                kind: YesNo,
            },
        ],
        Category::NeighbourDispute => &[
            Question {
                key: Parties,
                kind: Text,
            },
            Question {
                key: MediatedBefore,
                kind: YesNo,
            },
        ],
        Category::Drainage => &[
            Question {
                key: Where,
                kind: Text,
            },
            Question {
                key: Flooding,
                kind: YesNo,
            },
        ],
        Category::Safety => &[
            Question {
                key: Where,
                kind: Text,
            },
            Question {
                key: DangerNow,
                kind: YesNo,
            },
        ],
        Category::Facilities => &[Question {
            key: WhichFacility,
            kind: Text,
        }],
        Category::Sanitation
        | Category::PropertyFee
        | Category::Other
        | Category::PropertyService => &[],
    }
}
