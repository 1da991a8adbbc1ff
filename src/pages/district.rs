//! `/district`: the district office's picture — where the figures come from, coverage,
//! the work done in a period beside the one before, and the property-company
//! scorecards, and what the sync server refused to carry — computed from the records this device has (with sync, the district
//! database's: every compound's) and the stewards' packages. The district's published
//! figures appear beside them as a reference only.

use leptos::prelude::*;

use crate::platform::print::print_page;

use crate::components::district::coverage::CoverageSection;
use crate::components::district::drill::DrillSection;
use crate::components::district::records::cases::CaseSection;
use crate::components::district::records::census::CensusSection;
use crate::components::district::records::committees::CommitteeSection;
use crate::components::district::records::companies::CompanySection;
use crate::components::district::records::contracts::ContractSection;
use crate::components::district::records::improvements::ImprovementSection;
use crate::components::district::records::meetings::MeetingSection;
use crate::components::district::refusals::RefusalsSection;
use crate::components::district::scorecards::ScorecardSection;
use crate::components::district::sources::Sources;
use crate::components::district::work::WorkSection;
use crate::components::sync_panel::SyncPanel;
use crate::domain::district::period::Period;
use crate::platform::clock::now;
use crate::state::district::use_governance_strings;
use crate::state::{use_district_strings, use_strings};

#[component]
pub fn DistrictPage() -> impl IntoView {
    let s = use_strings();
    let d = use_district_strings();
    let g = use_governance_strings();
    let period = RwSignal::new(Period::Quarter);
    let now = now();
    let print = move |_| print_page();
    let link =
        move |href: &'static str,
              text: fn(&crate::i18n::district::DistrictStrings) -> &'static str| {
            view! { <li><a href=href class="district__nav-link">{move || text(d())}</a></li> }
        };
    view! {
        <section class="page district">
            <div class="district__head">
                <h1 class="page__title">{move || s().app().district_title}</h1>
                <button type="button" class="button button--secondary button--small no-print" data-print on:click=print>{move || d().print}</button>
            </div>
            <div class="district__layout">
                <nav class="district__nav no-print" aria-label=move || d().nav_label>
                    <ul>
                        {link("#drill", |d| d.drill_title)}
                        {link("#sources", |d| d.sources_title)}
                        {link("#coverage", |d| d.coverage_title)}
                        {link("#work", |d| d.work_title)}
                        {link("#scorecards", |d| d.scores_title)}
                        <li><a href="#committees" class="district__nav-link">{move || g().committee_title}</a></li>
                        <li><a href="#contracts" class="district__nav-link">{move || g().contract_title}</a></li>
                        <li><a href="#companies" class="district__nav-link">{move || g().company_title}</a></li>
                        <li><a href="#meetings" class="district__nav-link">{move || g().meeting_title}</a></li>
                        <li><a href="#cases" class="district__nav-link">{move || g().case_title}</a></li>
                        <li><a href="#improvements" class="district__nav-link">{move || g().improvement_title}</a></li>
                        <li><a href="#census" class="district__nav-link">{move || g().census_title}</a></li>
                        {link("#refusals", |d| d.refusals_title)}
                    </ul>
                </nav>
                <div class="district__body">
                    // The office signs in here: the district database brings every
                    // compound's records into these figures.
                    <div class="no-print"><SyncPanel/></div>
                    <DrillSection/>
                    <Sources/>
                    <CoverageSection/>
                    <WorkSection period now/>
                    <ScorecardSection now/>
                    <CommitteeSection now/>
                    <ContractSection now/>
                    <CompanySection now/>
                    <MeetingSection now/>
                    <CaseSection/>
                    <ImprovementSection/>
                    <CensusSection/>
                    <RefusalsSection/>
                </div>
            </div>
        </section>
    }
}
