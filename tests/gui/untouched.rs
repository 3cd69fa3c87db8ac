//! Guided setup at 1024×700, in both languages: a form the user has not
//! typed in says what to fill in as a grey hint; the same words turn red
//! only once the user has typed and left the field wanting.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stratum::core::explain::Status;
use stratum::gui::app::{App, Panel};
use stratum::gui::state::status_color;
use stratum::i18n::{Lang, Localizer};

use super::window::{offline, show};

/// The colour `text` was painted in this frame, if it was.
pub fn painted_color(h: &Harness<'static, App>, text: &str) -> Option<egui::Color32> {
    h.output().shapes.iter().find_map(|c| match &c.shape {
        egui::Shape::Text(t) if t.galley.text() == text => {
            t.galley.job.sections.first().map(|s| s.format.color)
        }
        _ => None,
    })
}

#[test]
fn guided_setup_shows_what_to_fill_in_grey_until_the_user_types() {
    for lang in Lang::ALL {
        let tr = Localizer::new(lang);
        let mut h = offline(lang);
        show(&mut h, Panel::Setup);
        let red = status_color(Status::Bad);
        for (role, field, missing) in [
            ("gui-role-pair", "gui-setup-peer", "role-no-peer"),
            (
                "gui-role-upstreams",
                "gui-setup-upstreams",
                "role-no-upstream",
            ),
        ] {
            h.get_by_label(&tr.tr(role)).click();
            h.run();
            let text = tr.tr(missing);
            let before = painted_color(&h, &text)
                .unwrap_or_else(|| panic!("{lang:?} {role}: “{text}” is not shown"));
            assert_ne!(before, red, "{lang:?} {role}: red on an untouched form");
            // Typed, then erased: now it is the user's field left empty.
            let field = tr.tr(field);
            h.get_by_role_and_label(Role::TextInput, &field).click();
            h.run();
            h.get_by_role_and_label(Role::TextInput, &field)
                .type_text("x");
            h.run();
            h.key_press(egui::Key::Backspace);
            h.run();
            assert_eq!(
                painted_color(&h, &text),
                Some(red),
                "{lang:?} {role}: “{text}” after the field was typed in and emptied"
            );
        }
    }
}
