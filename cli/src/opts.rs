//! Options of `collect` and `report`: `--name value` or `--name=value`, flags without a value,
//! each option once unless listed as repeatable. No operands.

use std::collections::HashMap;
use std::ffi::OsString;

/// The options given, by name (without `--`); a flag's value is empty.
pub struct Given {
    values: HashMap<&'static str, Vec<String>>,
}

impl Given {
    /// Reads `args`. `with_value` and `flags` are the known names; names in `repeatable` may come
    /// more than once.
    pub fn parse(
        args: &[&OsString],
        with_value: &[&'static str],
        flags: &[&'static str],
        repeatable: &[&str],
    ) -> Result<Given, String> {
        let mut values: HashMap<&'static str, Vec<String>> = HashMap::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(text) = arg.to_str() else {
                return Err(format!("{arg:?} is not UTF-8"));
            };
            let Some(option) = text.strip_prefix("--") else {
                return Err(format!("unexpected argument {text:?}"));
            };
            let (name, inline) = match option.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (option, None),
            };
            let value = if let Some(&known) = with_value.iter().find(|&&n| n == name) {
                let value = match inline {
                    Some(value) => value,
                    None => match args.next().and_then(|v| v.to_str()) {
                        Some(value) => value.to_owned(),
                        None => return Err(format!("--{name} needs a value")),
                    },
                };
                (known, value)
            } else if let Some(&known) = flags.iter().find(|&&n| n == name) {
                if inline.is_some() {
                    return Err(format!("--{name} takes no value"));
                }
                (known, String::new())
            } else {
                return Err(format!("unknown option {text}"));
            };
            let list = values.entry(value.0).or_default();
            if !list.is_empty() && !repeatable.contains(&value.0) {
                return Err(format!("--{} given twice", value.0));
            }
            list.push(value.1);
        }
        Ok(Given { values })
    }

    /// The value of `--name`, if given.
    pub fn one(&self, name: &str) -> Option<&str> {
        self.values.get(name)?.first().map(String::as_str)
    }

    /// Every value of a repeatable `--name`.
    pub fn all(&self, name: &str) -> &[String] {
        self.values.get(name).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn flag(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }
}
