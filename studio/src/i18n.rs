//! The studio's own interface texts, in English and French.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// A stored or browser language tag: French for `fr`, `fr-CA`..., else English.
    pub fn from_tag(tag: &str) -> Lang {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "fr" || tag.starts_with("fr-") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The text for `key`; the key itself if it is missing (a test checks none is).
    pub fn t(self, key: &str) -> &'static str {
        TEXTS
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or("?", |(_, en, fr)| match self {
                Lang::En => en,
                Lang::Fr => fr,
            })
    }
}

/// (key, English, French).
pub const TEXTS: &[(&str, &str, &str)] = &[
    ("page_title", "faq-widget studio", "Atelier faq-widget"),
    ("intro", "Edit your faq.json, see every problem the checker finds and the real widget live, then copy the embed snippet.", "Modifiez votre faq.json, voyez chaque problème trouvé par le vérificateur et le vrai widget en direct, puis copiez le code d’intégration."),
    ("other_lang", "Français", "English"),
    ("other_lang_tag", "fr", "en"),
    ("open", "Open a FAQ", "Ouvrir une FAQ"),
    ("open_bundled", "Open the bundled FAQ", "Ouvrir la FAQ fournie"),
    ("open_empty", "Start from an empty FAQ", "Partir d’une FAQ vide"),
    ("open_file", "Open a file", "Ouvrir un fichier"),
    ("drop_hint", "or drop a .json file anywhere on this page.", "ou déposez un fichier .json n’importe où sur cette page."),
    ("open_url_label", "FAQ address (URL)", "Adresse de la FAQ (URL)"),
    ("open_url", "Open URL", "Ouvrir l’URL"),
    ("opened", "Opened", "Ouvert :"),
    ("loading", "Loading…", "Chargement…"),
    ("cors", "could not be read. Its server does not allow this page to read it (CORS), or it is unreachable. Download the file and open it from disk instead.", "n’a pas pu être lue. Son serveur n’autorise pas cette page à la lire (CORS), ou il est injoignable. Téléchargez le fichier et ouvrez-le depuis le disque."),
    ("http_error", "could not be read: the server answered", "n’a pas pu être lue : le serveur a répondu"),
    ("file_error", "The file could not be read.", "Le fichier n’a pas pu être lu."),
    ("draft_saved", "Your draft is kept in this browser (localStorage) between visits. It is not sent anywhere.", "Votre brouillon est conservé dans ce navigateur (localStorage) d’une visite à l’autre. Il n’est envoyé nulle part."),
    ("draft_not_saved", "Edits are kept in this browser (localStorage) between visits. Nothing is sent anywhere.", "Les modifications sont conservées dans ce navigateur (localStorage) d’une visite à l’autre. Rien n’est envoyé."),
    ("draft_too_big", "This draft is too large for the browser's storage: download it to keep it.", "Ce brouillon est trop grand pour le stockage du navigateur : téléchargez-le pour le garder."),
    ("discard", "Discard draft", "Supprimer le brouillon"),
    ("discarded", "The draft was discarded.", "Le brouillon a été supprimé."),
    ("download", "Download faq.json", "Télécharger faq.json"),
    ("text", "Text", "Texte"),
    ("text_label", "faq.json as text", "faq.json en texte"),
    ("line", "Line", "Ligne"),
    ("column", "column", "colonne"),
    ("cursor", "Cursor: line", "Curseur : ligne"),
    ("window_lines", "This file is long: the text box holds lines", "Ce fichier est long : la zone de texte contient les lignes"),
    ("window_of", "of", "sur"),
    ("window_rest", ", and moves with the cursor and scrolling.", ", et se déplace avec le curseur et le défilement."),
    ("form", "Form", "Formulaire"),
    ("form_broken", "The text is not valid JSON: fix it (see Problems) to edit in the form again.", "Le texte n’est pas du JSON valide : corrigez-le (voir Problèmes) pour modifier de nouveau dans le formulaire."),
    ("f_title", "Title", "Titre"),
    ("f_lang", "Language (BCP 47, e.g. en, fr-CA)", "Langue (BCP 47, p. ex. en, fr-CA)"),
    ("lang_not_built_in", "The widget's own texts (search, buttons, messages) exist in English and French. For another language, write them under “Interface texts” below; the rest shows in English.", "Les textes du widget (recherche, boutons, messages) existent en anglais et en français. Pour une autre langue, écrivez-les sous « Textes de l’interface » ci-dessous ; le reste s’affiche en anglais."),
    ("f_intro", "Introduction", "Introduction"),
    ("f_contact_text", "Contact link text", "Texte du lien de contact"),
    ("f_contact_href", "Contact address (https: or mailto:)", "Adresse de contact (https: ou mailto:)"),
    ("f_cookie", "Show a cookie notice", "Afficher un avis sur les cookies"),
    ("f_cookie_text", "Cookie notice text", "Texte de l’avis sur les cookies"),
    ("f_cookie_more_text", "Cookie notice “more” link text", "Texte du lien « en savoir plus » de l’avis"),
    ("f_cookie_more_href", "Cookie notice “more” link address", "Adresse du lien « en savoir plus » de l’avis"),
    ("f_cookie_revision", "Cookie notice revision (raise it to ask again)", "Révision de l’avis (augmentez-la pour redemander)"),
    ("questions", "Questions", "Questions"),
    ("f_question", "Question", "Question"),
    ("f_answer", "Answer", "Réponse"),
    ("f_id", "Id", "Identifiant"),
    ("f_category", "Category", "Catégorie"),
    ("markup_help", "Answer markup: a blank line starts a paragraph; lines starting with “- ” form a list; [text](https://…) is a link. Nothing else is markup.", "Balisage des réponses : une ligne vide commence un paragraphe ; les lignes commençant par « - » forment une liste ; [texte](https://…) est un lien. Rien d’autre n’est du balisage."),
    ("drag_hint", "Reorder them with “Move up” and “Move down”, or drag a question by its title.", "Réordonnez-les avec « Monter » et « Descendre », ou faites glisser une question par son titre."),
    ("move_up", "Move up", "Monter"),
    ("move_down", "Move down", "Descendre"),
    ("remove", "Remove", "Supprimer"),
    ("add_question", "Add a question", "Ajouter une question"),
    ("ui_texts", "Interface texts (ui)", "Textes de l’interface (ui)"),
    ("ui_help", "Replace any of the widget's own texts. Empty: the built-in text, shown greyed, in the FAQ's language. {count}, {query}, {seconds}, {status}, {line}, {column} and {message} are filled in by the widget.", "Remplacez n’importe quel texte du widget. Vide : le texte intégré, affiché en grisé, dans la langue de la FAQ. {count}, {query}, {seconds}, {status}, {line}, {column} et {message} sont remplis par le widget."),
    ("ui_unknown", "not a text of the widget: it is ignored", "pas un texte du widget : il est ignoré"),
    ("form_limit", "The form shows the first 100 questions; edit the others in the text.", "Le formulaire montre les 100 premières questions ; modifiez les autres dans le texte."),
    ("problems", "Problems", "Problèmes"),
    ("no_problems", "No problems: the checker (faq-widget check) is happy.", "Aucun problème : le vérificateur (faq-widget check) est satisfait."),
    ("problem_count", "problems found. Choose one to move the cursor there.", "problèmes trouvés. Choisissez-en un pour y placer le curseur."),
    ("problem_more", "more problems are not listed; fix these first.", "autres problèmes ne sont pas listés ; corrigez d’abord ceux-ci."),
    ("fatal", "Blocking error", "Erreur bloquante"),
    ("error", "Error", "Erreur"),
    ("warning", "Warning", "Avertissement"),
    ("preview", "Preview", "Aperçu"),
    ("preview_stale", "The text has a problem that stops the FAQ from being shown: the preview shows the last valid version.", "Le texte a un problème qui empêche d’afficher la FAQ : l’aperçu montre la dernière version valide."),
    ("preview_none", "Nothing to preview yet: the FAQ has a blocking error.", "Rien à afficher pour l’instant : la FAQ a une erreur bloquante."),
    ("width", "Width", "Largeur"),
    ("width_full", "Full width", "Pleine largeur"),
    ("scheme", "Colours", "Couleurs"),
    ("light", "Light", "Clair"),
    ("dark", "Dark", "Sombre"),
    ("preview_lang", "Language of the widget", "Langue du widget"),
    ("theme", "Theme", "Thème"),
    ("theme_intro", "Colours for the widget's custom properties. Unchanged ones keep the widget's defaults (light and dark).", "Couleurs des propriétés personnalisées du widget. Celles qui ne sont pas changées gardent les valeurs par défaut (clair et sombre)."),
    ("theme_reset", "Reset the theme", "Réinitialiser le thème"),
    ("contrast", "Contrast", "Contraste"),
    ("on", "on", "sur"),
    ("contrast_poor", "below 4.5:1, hard to read", "sous 4,5:1, difficile à lire"),
    ("contrast_ok", "passes WCAG AA", "conforme WCAG AA"),
    ("embed", "Embed snippet", "Code d’intégration"),
    ("embed_intro", "Paste this where the FAQ should appear on your site.", "Collez ceci à l’endroit où la FAQ doit apparaître sur votre site."),
    ("script_src", "Address of embed.js", "Adresse de embed.js"),
    ("integrity", "Integrity digest of that embed.js (empty: none)", "Empreinte d’intégrité de ce embed.js (vide : aucune)"),
    ("faq_url", "Address of your faq.json (empty: the one beside embed.js)", "Adresse de votre faq.json (vide : celui à côté de embed.js)"),
    ("cookie_option", "Show the FAQ's cookie notice", "Afficher l’avis sur les cookies de la FAQ"),
    ("offline_option", "Keep the offline copy without asking (essential storage)", "Garder la copie hors ligne sans demander (stockage essentiel)"),
    ("copy", "Copy the snippet", "Copier le code"),
    ("copied", "Copied.", "Copié."),
    ("copy_failed", "Copying failed: select the text and copy it.", "La copie a échoué : sélectionnez le texte et copiez-le."),
    ("snippet_label", "The snippet", "Le code"),
    ("render", "Pre-rendered HTML (for search engines and visitors without scripts)", "HTML pré-rendu (pour les moteurs de recherche et les visiteurs sans scripts)"),
    ("render_label", "The faq-widget render command", "La commande faq-widget render"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_both_languages_and_keys_unique() {
        for (i, (key, en, fr)) in TEXTS.iter().enumerate() {
            assert!(!en.is_empty() && !fr.is_empty(), "{key}");
            assert!(
                TEXTS[..i].iter().all(|(k, _, _)| k != key),
                "duplicate {key}"
            );
        }
        assert_eq!(Lang::Fr.t("discard"), "Supprimer le brouillon");
        assert_eq!(Lang::En.t("nope"), "?");
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("frisian"), Lang::En);
    }
}
