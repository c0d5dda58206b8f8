//! What the social sign-in buttons say, in Russian and English: the networks' names as customers
//! know them and the action around a name.

use crate::core::api::SocialNetwork;
use crate::core::i18n::Words;
use crate::core::logic::locale::Lang;

pub struct Phrases {}

pub static WORDS: Words<Phrases> = Words { ru: Phrases {}, en: Phrases {} };

impl Phrases {
    /// A social network's name as customers know it.
    pub fn network_name(&self, network: SocialNetwork, lang: Lang) -> &'static str {
        use crate::core::api::SocialNetwork::*;
        match (network, lang) {
            (Vkontakte, Lang::Ru) => "ВКонтакте",
            (Vkontakte, Lang::En) => "VK",
            (Ok, Lang::Ru) => "Одноклассники",
            (Ok, Lang::En) => "OK",
            (Facebook, _) => "Facebook",
            (Instagram, _) => "Instagram",
        }
    }

    /// "Sign in with VK" / "Connect VK".
    pub fn social_action(&self, name: &str, connect: bool, lang: Lang) -> String {
        match (lang, connect) {
            (Lang::Ru, false) => format!("Войти через {name}"),
            (Lang::Ru, true) => format!("Привязать {name}"),
            (Lang::En, false) => format!("Sign in with {name}"),
            (Lang::En, true) => format!("Connect {name}"),
        }
    }
}
