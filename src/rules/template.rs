//! The pattern template of the secret table's context rows: shared by
//! `secrets` (which expands it at run time) and build.rs (which reads
//! the expanded patterns' lengths, see `RuleDef::lengths`). Constants
//! only: build.rs includes this file as it is.

/// Context rows (`C`, `template context` in the data): the provider name (maybe followed by "key",
/// "token", "secret", "id", "api key", "client id", "bearer token" or
/// "access token", with a suffix such
/// as `token2` or `key_prod`), then an assignment
/// as code and config write them (`=`, `:`, `:=`, `::=`, `.=`, `?=`,
/// `=>`, `||`, `,` before a quoted call argument, a spaced `-`, a blank, the `(`
/// of a call such as `new HubSpotAPI("v")`, or the `>` closing an XML
/// tag), then up to five blanks or quotes, then the value; only the value
/// is reported and it is matched case-sensitively.
pub(crate) const CTX_HEAD: &str = "(?i)(?:";
pub(crate) const CTX_MID: &str = r#")[\w.\-]{0,32}(?:[ \t](?:api[ \t]|client[ \t]|bearer[ \t]|access[ \t])?(?:key|token|secret|id)[\w.\-]{0,8})?["'`]?[\]>]?\s{0,3}(?:=|:{1,3}=|\.=|\?=|:|=>|\|\||,[ \t]{0,2}["'`]|-[ \t]|\(|\s)[\s"'`=]{0,5}((?-i:"#;
pub(crate) const CTX_TAIL: &str = r"))(?:[^A-Za-z0-9_\-]|$)";
