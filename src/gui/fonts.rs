//! Fonts: egui's own plus a CJK font, loaded deliberately so that Chinese
//! renders everywhere and nothing depends on fontconfig (which panics when
//! it finds no font at all).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Shipped subset of Droid Sans Fallback: ASCII, GB2312 level 1 and every
/// character of the zh-CN texts (assets/fonts/README.md).
const SHIPPED_CJK: &[u8] =
    include_bytes!("../../assets/fonts/DroidSansFallback-Stratum-subset.ttf");

/// Fuller CJK fonts a distribution may have installed.
const SYSTEM_CJK: &[&str] = &[
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
];

pub fn definitions(use_system: bool) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mut fallbacks = Vec::new();
    if use_system {
        if let Some(bytes) = SYSTEM_CJK.iter().find_map(|p| std::fs::read(p).ok()) {
            fonts
                .font_data
                .insert("system-cjk".into(), Arc::new(FontData::from_owned(bytes)));
            fallbacks.push("system-cjk".to_string());
        }
    }
    fonts.font_data.insert(
        "stratum-cjk".into(),
        Arc::new(FontData::from_static(SHIPPED_CJK)),
    );
    fallbacks.push("stratum-cjk".to_string());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.extend(fallbacks.iter().cloned());
    }
    fonts
}

pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions(true));
}
