//! The resident's settings (`cs.settings`), which the browse entry reads and writes.

use crate::format::settings::{MyBuilding, Settings};

json_struct!(Settings {
    lang,
    elder_mode: default,
    my_building: default,
    updated_at: default,
});

json_struct!(MyBuilding {
    compound,
    building,
    unit: default
});
