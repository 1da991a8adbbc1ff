//! The words of republishing (`deploy/publish.mjs`: the server's publishing job and the
//! office's command): why a file or a roster document was not published. Read by the
//! pre-render's wasm module only, so no app program carries them.

use super::Lang;
use super::messages::Message;
use crate::format::publish_refusal::PublishRefusal;

/// Why a source was refused, in `lang`; `source` names the file or document.
pub fn refusal(r: &PublishRefusal, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match r {
        PublishRefusal::Unreadable(why) if zh => {
            format!("读不懂这个文件（不是导出的 JSON 或名册 CSV）：{why}")
        }
        PublishRefusal::Unreadable(why) => {
            format!("This file cannot be read (not an exported JSON or roster CSV): {why}")
        }
        PublishRefusal::WrongFormat(f) if zh => format!("不是「导出我的修改」文件（格式 {f}）"),
        PublishRefusal::WrongFormat(f) => format!("Not an “export my changes” file (format {f})"),
        PublishRefusal::WrongId(id) if zh => format!("名册文档的编号与小区不符：{id}"),
        PublishRefusal::WrongId(id) => {
            format!("The roster document's id does not name its compound: {id}")
        }
        PublishRefusal::Deleted(id) if zh => format!("小区 {id} 已删除：删除不经此发布"),
        PublishRefusal::Deleted(id) => {
            format!("Compound {id} is deleted: removals are not published this way")
        }
        PublishRefusal::Roster(id, e) => format!(
            "{} {id}: {}",
            if zh { "小区" } else { "Compound" },
            e.message(super::strings(lang))
        ),
        PublishRefusal::Csv(e) => format!(
            "{}{}",
            if zh { "名册 CSV：" } else { "Roster CSV: " },
            e.message(super::strings(lang))
        ),
        PublishRefusal::NoShell if zh => {
            "网站文件缺少页面模板（card/index.html 或 compounds/index.html）".into()
        }
        PublishRefusal::NoShell => {
            "The site lacks its page templates (card/index.html or compounds/index.html)".into()
        }
        PublishRefusal::Dataset if zh => "网站的 data/district.json 读不出来".into(),
        PublishRefusal::Dataset => "The site's data/district.json does not load".into(),
        PublishRefusal::Records if zh => "网站的 data/records.json 读不出来".into(),
        PublishRefusal::Records => "The site's data/records.json does not load".into(),
        PublishRefusal::RecordByHand if zh => {
            "业委会和合同记录只由服务器的发布任务从区物业办的数据库发布，不能手工发布".into()
        }
        PublishRefusal::RecordByHand => "Owners' committee and contract records are published \
            only by the server's publishing job, from the district office's database, not by hand"
            .into(),
        PublishRefusal::WrongRecordId(id) if zh => format!("记录文档的编号与内容不符：{id}"),
        PublishRefusal::WrongRecordId(id) => {
            format!("The record document's id does not name the record: {id}")
        }
    }
}
