//! The district dashboard's words (console only). Each line holds one string in both
//! languages, so a missing translation cannot compile and the two stay side by side.

use super::Lang;
use crate::domain::district::period::PeriodError;
use crate::domain::district::refusal::RefusalCode;
use crate::domain::district::scorecard::{Measure, RulesError, Verdict};
use crate::format::summary::PackageError;

macro_rules! catalogue {
    ($($name:ident: $zh:literal, $en:literal;)+) => {
        pub struct DistrictStrings {
            $(pub $name: &'static str,)+
        }
        const ZH: DistrictStrings = DistrictStrings { $($name: $zh,)+ };
        const EN: DistrictStrings = DistrictStrings { $($name: $en,)+ };
    };
}

catalogue! {
    nav_label: "本页目录", "On this page";
    drill_title: "逐级查看", "Street, community, compound";
    trail_label: "所在位置", "Where you are";
    whole_district: "全区", "Whole district";
    tier_street: "街道", "Subdistrict";
    tier_community: "社区", "Community";
    tier_compound: "小区", "Compound";
    drill_note: "下面所有数字和图表都只算这一级。", "Every figure and chart below counts this level only.";
    own_tier: "本账号只能看到：", "This account sees only: ";
    street_reads_only: "街道账号只能查看：在这台设备上做的修改不会发到服务器，社区和管家都看不到。", "A subdistrict account only reads: changes made on this device are not sent to the server, and no community or steward sees them.";
    below_title: "下一级", "One level down";
    below_col: "名称", "Name";
    up_link: "返回上一级：", "Back up to: ";
    reports_title: "这个小区的报事", "This compound's reports";
    report_col: "报事编号", "Report";
    submitted_on: "提交时间", "Submitted";
    no_reports_here: "本机还没有这个小区的报事（同步或导入汇总包后再看）。", "This device has no reports of this compound yet (sync or import a package, then look again).";
    report_missing: "本机没有这条报事（同步或导入汇总包后再看）。", "This device does not have that report (sync or import a package, then look again).";
    report_steps: "处理经过", "Timeline";
    report_text: "描述", "Description";
    refusals_title: "服务器拒收的修改", "Changes the server refused";
    refusals_explain: "同步服务器只转交每个账号有权写的内容。下面这些修改被拒收了：它们没有进入街道和小区管家看到的记录。", "The sync server passes on only what each account may write. These changes were refused: they did not reach the records the district and the stewards see.";
    no_refusals: "服务器没有拒收过任何修改。", "The server has refused no change.";
    refusal_when: "时间", "When";
    refusal_account: "账号", "Account";
    refusal_record: "记录", "Record";
    refusal_why: "原因", "Why";
    refusal_steward_of: "管家账号 · ", "Stewards of ";
    refused_not_theirs: "不是这个账号的记录（别人提交的报事，或别的小区的记录）", "Not this account's record (another person's report, or another compound's)";
    refused_unknown_history: "来历不明的版本：与服务器上的任何版本都接不上，可能是伪造的", "A version of unknown origin: it continues nothing the server has, and may be forged";
    refused_not_their_step: "改了这个账号不能改的内容（如居民自己填写管家的处理进度）", "Changed what this account may not change (such as a resident recording a steward's step)";
    refused_too_old: "基于服务器已不再保存的旧版本，请在手机上重新同步后再改", "Based on a version the server no longer keeps: sync the phone again, then edit";
    refused_malformed: "记录格式不对（不是本应用写出的记录，或附件不是照片）", "Not a record this app writes (or an attachment that is not a photo)";
    refused_not_allowed: "不符合服务器的规则", "Against the server's rules";
    refusal_times: "次", " times";
    print: "打印报告", "Print report";
    csv: "导出 CSV", "Export CSV";
    sort_by: "按此列排序", "Sort by this column";
    show_all: "显示全部，共", "Show all, rows:";
    period_label: "统计期", "Period";
    period_month: "本月", "This month";
    period_quarter: "本季度", "This quarter";
    period_ytd: "今年以来", "Year to date";
    period_custom: "自定义", "Custom range";
    from_label: "从", "From";
    to_label: "到", "To";
    apply_range: "应用", "Apply";
    err_bad_date: "请填写完整的日期（年-月-日）。", "Enter full dates (year-month-day).";
    err_ends_before: "结束日期早于开始日期。", "The end date is before the start date.";
    err_too_long: "统计期最长十年。", "A period can be at most ten years.";
    previous: "上期", "Previous period";
    sources_title: "数据来源", "Sources";
    sources_explain: "导入管家导出的汇总包（JSON）。同一份报事出现在几个包里只算一次；同一位管家的新包替换旧包。", "Import the summary packages stewards export (JSON). A report in several packages counts once; a steward's newer package replaces the older one.";
    import_label: "导入汇总包", "Import a summary package";
    no_sources: "还没有导入汇总包：下面的数字只来自本机记录和公布数据。", "No packages imported yet: the figures below come from this device's records and the published data only.";
    source_col: "管家", "Steward";
    source_compounds: "小区", "Compounds";
    source_exported: "导出时间", "Exported";
    source_imported: "导入时间", "Imported";
    source_mediations: "调解", "Mediations";
    source_arrears: "追缴", "Arrears";
    source_changes: "名册修改", "Roster changes";
    imported: "已导入汇总包：", "Imported the package of ";
    saving: "正在写入本机…", "Saving on this device…";
    err_too_large: "文件太大（超过 32 MB），不是汇总包。", "The file is too large (over 32 MB) to be a summary package.";
    err_not_json: "这个文件不是 JSON，无法读取。", "This file is not JSON and cannot be read.";
    err_not_package: "这不是小区管家的汇总包（备份请在“数据”页恢复）。", "This is not a Compound Steward summary package (restore backups on the Data page).";
    err_newer: "这个汇总包来自更新版本的小区管家，请先更新本应用。", "This package comes from a newer version of the app: update the app first.";
    err_bad_entry: "汇总包里有一条记录不合规，整个文件未导入：", "A record in the package is not valid, so nothing was imported: ";
    err_duplicate: "汇总包里同一条记录出现了两次，整个文件未导入：", "The package holds a record twice, so nothing was imported: ";
    err_not_newer: "已导入过这位管家同一时间或更新的汇总包。", "A package from this steward, as new or newer, is already imported.";
    nothing_changed: "本机数据没有任何改动。", "Nothing stored on this device was changed.";
    export_title: "给街道和区里的汇总包", "Summary package for the district";
    export_hint: "含我负责小区的报事（不含报事人姓名和电话）、调解（当事人只留姓）、追缴和名册修改。发给区里，由区里在“全区概况”导入。", "Your compounds' reports (without reporters' names and phones), mediations (parties masked), arrears and roster changes. Send it to the district office to import on the District page.";
    export_button: "导出汇总包", "Export summary package";
    export_no_profile: "请先保存“我是谁”和我负责的小区。", "Save who you are and your compounds first.";
    coverage_title: "物业管理覆盖", "Property-management coverage";
    coverage_rate: "覆盖率", "Coverage";
    by_mode: "按管理方式", "By management mode";
    by_place: "按街道和社区", "By subdistrict and community";
    place_col: "街道 / 社区", "Subdistrict / community";
    unnamed: "（未填写）", "(not given)";
    mode_col: "管理方式", "Management mode";
    compounds_col: "小区数", "Compounds";
    covered_col: "已覆盖", "Covered";
    rate_col: "覆盖率", "Coverage";
    published_col: "公布数", "Published";
    uncovered_title: "未覆盖的小区", "Compounds not yet covered";
    none_uncovered: "所有小区都已覆盖。", "Every compound is covered.";
    uncovered_directory: "在小区目录中查看（可再按街道筛选）", "See them in the directory (filter by subdistrict there)";
    chart_table_note: "下表是同一组数据。", "The table below holds the same figures.";
    work_title: "工作成效", "Work done";
    reports_n: "报事数", "Reports";
    resolution: "办结率（已确认）", "Resolution (confirmed)";
    median_days: "办结中位天数", "Median days to resolve";
    late_share: "超期率", "Overdue share";
    reopen_rate: "返工率", "Reopen rate";
    satisfaction: "满意度（1–5）", "Satisfaction (1–5)";
    measure_col: "指标", "Measure";
    this_col: "本期", "This period";
    by_status: "按状态", "By status";
    by_category: "按类别", "By category";
    by_compound: "按小区", "By compound";
    status_col: "状态", "Status";
    category_col: "类别", "Category";
    compound_col: "小区", "Compound";
    by_month: "近 12 个月：报事与办结", "Last 12 months: reports and resolved";
    month_col: "月份", "Month";
    submitted_col: "报事", "Reported";
    confirmed_col: "办结（已确认）", "Resolved (confirmed)";
    logs_title: "调解与追缴", "Mediation and arrears";
    amount_col: "金额（元）", "Amount (yuan)";
    pre_litigation: "诉前调解成功", "Pre-litigation mediation succeeded";
    oral: "口头调解成功", "Oral mediation succeeded";
    arrears: "收回欠缴物业费", "Property-fee arrears recovered";
    reference_col: "区里公布（全年）", "Published by the district (year)";
    scores_title: "物业公司考核", "Property-company scorecards";
    quarter_label: "考核季度", "Quarter";
    company_col: "物业公司", "Property company";
    contracts_col: "合同数", "Contracts";
    scores_note: "合同数：几个小区连片打包托管给一家公司算一份合同。总分只按有数据的指标折算，“计分依据”是这些指标的权重合计；评分办法见右。居民对物业公司本身的投诉（物业服务不优）交社区处理，在此单列计数。", "Contracts: several compounds packaged to one company count as one. Totals are scaled from the measures that have data; “Scored on” is their weights' sum; the method is beside. Complaints about the company itself (物业服务不优) go to the community and are counted here, beside the measures.";
    inspection_col: "检查评分", "Inspection score";
    complaints_col: "投诉物业服务", "Complaints about the company";
    total_col: "总分", "Total";
    verdict_col: "结论", "Verdict";
    keep: "保留", "Keep";
    warn: "警示", "Warn";
    exit: "退出", "Exit";
    no_data: "无数据", "No data";
    basis_col: "计分依据", "Scored on";
    totals_chart: "各物业公司总分", "Total score by company";
    rules_title: "评分办法", "Scoring method";
    rules_proposed: "这是应用建议的办法，区里还没有设定自己的。", "This is the app's proposal: the district has not set its own yet.";
    rules_from: "执行自 ", "In force from ";
    weight_col: "权重", "Weight";
    keep_at: "保留：总分不低于", "Keep: total at least";
    warn_at: "警示：总分不低于（以下为退出）", "Warn: total at least (below: exit)";
    edit_rules: "修改评分办法和检查评分", "Edit the method and inspection scores";
    edit_needs_pin: "修改评分办法和检查评分需要进入管家模式（输入 PIN）。", "Editing the method and inspection scores needs steward mode (the PIN).";
    save_rules: "保存，自本季度起执行", "Save, in force from this quarter";
    rules_saved: "已保存评分办法。", "Scoring method saved.";
    err_weights_sum: "权重合计须为 100，现在是 ", "The weights must add up to 100; now they add up to ";
    err_thresholds: "警示分须低于保留分，保留分不超过 100。", "The warn score must be below the keep score, and keep at most 100.";
    err_number: "请填写 0–100 的整数。", "Enter a whole number from 0 to 100.";
    inspection_save: "保存检查评分", "Save inspection scores";
    inspection_saved: "已保存检查评分。", "Inspection scores saved.";
    m_resolution: "办结率", "Resolution";
    m_speed: "办结速度（3 天内满分，30 天以上 0 分）", "Speed (full within 3 days, none from 30)";
    m_satisfaction: "满意度", "Satisfaction";
    m_reopen: "不返工", "Not reopened";
    m_late: "不超期", "On time";
    m_inspection: "检查评分", "Inspection";
}

pub fn district_strings(lang: Lang) -> &'static DistrictStrings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

impl DistrictStrings {
    pub fn refusal(&self, code: RefusalCode) -> &'static str {
        match code {
            RefusalCode::NotTheirs => self.refused_not_theirs,
            RefusalCode::UnknownHistory => self.refused_unknown_history,
            RefusalCode::NotTheirStep => self.refused_not_their_step,
            RefusalCode::TooOld => self.refused_too_old,
            RefusalCode::Malformed => self.refused_malformed,
            RefusalCode::NotAllowed => self.refused_not_allowed,
        }
    }

    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Keep => self.keep,
            Verdict::Warn => self.warn,
            Verdict::Exit => self.exit,
        }
    }

    pub fn measure(&self, m: Measure) -> &'static str {
        match m {
            Measure::Resolution => self.m_resolution,
            Measure::Speed => self.m_speed,
            Measure::Satisfaction => self.m_satisfaction,
            Measure::Reopen => self.m_reopen,
            Measure::Late => self.m_late,
            Measure::Inspection => self.m_inspection,
        }
    }

    pub fn period_error(&self, e: &PeriodError) -> &'static str {
        match e {
            PeriodError::BadDate => self.err_bad_date,
            PeriodError::EndsBeforeStart => self.err_ends_before,
            PeriodError::TooLong => self.err_too_long,
        }
    }

    pub fn rules_error(&self, e: &RulesError) -> String {
        match e {
            RulesError::WeightsSum(n) => format!("{}{n}。", self.err_weights_sum),
            RulesError::Thresholds => self.err_thresholds.to_string(),
        }
    }

    pub fn package_error(&self, e: &PackageError) -> String {
        match e {
            PackageError::TooLarge => self.err_too_large.into(),
            PackageError::NotJson => self.err_not_json.into(),
            PackageError::NotAPackage => self.err_not_package.into(),
            PackageError::NewerVersion(_) => self.err_newer.into(),
            PackageError::BadEntry(id, what) => format!("{}{id} ({what})", self.err_bad_entry),
            PackageError::Duplicate(id) => format!("{}{id}", self.err_duplicate),
            PackageError::NotNewer => self.err_not_newer.into(),
        }
    }
}
