//! One file per published compound (`data/c/<id>.json`): the dataset with that compound
//! alone, what the card entry reads on the QR path — about a kilobyte of brotli, where the
//! whole district's file is a quarter megabyte at full scale (565 compounds, ~31,000
//! stewards). Written by the generator's serde derives, as the whole file is.

use super::StaticPage;
use crate::domain::dataset::Dataset;
use crate::format::collections::DATASET_SCHEMA;
use crate::format::entry_points::compound_data_path;
use crate::format::envelope::encode;
use crate::format::json::ViaSerde;

/// The file of every published compound (deleted ones have none: their cards are gone).
pub fn compound_files(dataset: &Dataset) -> Vec<StaticPage> {
    dataset
        .compounds
        .iter()
        .filter(|c| !c.deleted)
        .map(|c| {
            // A card shows no emergency lines (the report form's danger screen reads
            // them from the whole file): the QR path does not carry them.
            let mut card = c.clone();
            card.emergency.clear();
            let alone = Dataset {
                district: dataset.district.clone(),
                compounds: vec![card],
                published_at: dataset.published_at,
            };
            StaticPage {
                path: compound_data_path(&c.id)
                    .trim_start_matches('/')
                    .to_string(),
                html: encode(DATASET_SCHEMA, &ViaSerde(&alone)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::json::from_str;
    use crate::format::migrations;

    #[test]
    fn each_compound_has_a_file_that_reads_as_the_dataset_with_it_alone() {
        let text = include_str!("../../public/data/district.json");
        let mut dataset: Dataset =
            crate::format::envelope::decode("d", text, DATASET_SCHEMA, migrations::none).unwrap();
        dataset.compounds[1].deleted = true;
        assert!(
            dataset.compounds.iter().all(|c| !c.emergency.is_empty()),
            "the sample has emergency lines"
        );
        let files = compound_files(&dataset);
        assert_eq!(files.len(), dataset.compounds.len() - 1);
        for (file, c) in files
            .iter()
            .zip(dataset.compounds.iter().filter(|c| !c.deleted))
        {
            assert_eq!(file.path, format!("data/c/{}.json", c.id));
            let envelope: crate::format::json::Json = from_str(&file.html).unwrap();
            let alone: Dataset = from_str(&envelope.get("data").unwrap().to_string()).unwrap();
            let mut card = c.clone();
            card.emergency.clear();
            assert_eq!(
                alone.compounds,
                [card],
                "the compound, without its emergency lines"
            );
            assert_eq!(alone.district, dataset.district);
            assert!(
                file.html.len() < text.len() / 2,
                "a file holds one compound, not all"
            );
        }
    }
}
