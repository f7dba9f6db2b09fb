//! Tenant endpoints of provider credentials, as data.
//!
//! Many provider keys only work against the customer's own instance: a
//! Shopify admin token with its `*.myshopify.com` store, a Salesforce token
//! with its My Domain, a Tableau PAT with its site's server. When a prompt
//! holds such a key, the endpoint is the other half of the credential, so
//! it is redacted with it. On its own (no key of that provider in the same
//! text) an endpoint is an ordinary host name and is left alone.
//!
//! Data only: matching and the same-text rule live in `engine::tenants`.

/// One provider's tenant endpoint.
pub(crate) struct TenantDef {
    pub id: &'static str,
    /// The finding's type: which provider's endpoint it is.
    pub type_name: &'static str,
    /// Secret types that, found in the same text, make the endpoint part
    /// of the credential.
    pub credentials: &'static [&'static str],
    /// Lowercase text that every match contains (the prefilter).
    pub keyword: &'static str,
    /// Group 1 is reported: the endpoint, with its scheme and port when
    /// they are written.
    pub pattern: &'static str,
    /// Texts the pattern must report an endpoint in (read by the tests;
    /// test builds only, so that the shipped table holds no examples).
    #[cfg(test)]
    pub hits: &'static [&'static str],
    /// Texts it must not report anything in.
    #[cfg(test)]
    pub misses: &'static [&'static str],
}

/// A host label: letters, digits and inner hyphens (at most 63).
macro_rules! label {
    () => {
        r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    };
}

pub(crate) static TENANTS: &[TenantDef] = &[
    TenantDef {
        id: "shopify-store-domain",
        type_name: "SHOPIFY_STORE_DOMAIN",
        credentials: &["SHOPIFY_TOKEN"],
        keyword: ".myshopify.com",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.myshopify\.com)\b"),
        #[cfg(test)]
        hits: &["my-test-store.myshopify.com", "https://acme.myshopify.com"],
        #[cfg(test)]
        misses: &["myshopify.com", "see shopify.com for docs"],
    },
    TenantDef {
        id: "salesforce-my-domain",
        type_name: "SALESFORCE_INSTANCE",
        credentials: &["SALESFORCE_TOKEN"],
        keyword: ".salesforce.com",
        pattern: concat!(
            r"\b((?:https?://)?",
            label!(),
            r"(?:\.(?:sandbox|develop|scratch))?\.my\.salesforce\.com)\b"
        ),
        #[cfg(test)]
        hits: &["my-test-org-123.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com"],
        #[cfg(test)]
        misses: &["login.salesforce.com", "www.salesforce.com"],
    },
    TenantDef {
        id: "tableau-cloud-pod",
        type_name: "TABLEAU_SERVER",
        credentials: &["TABLEAU_TOKEN"],
        keyword: ".online.tableau.com",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.online\.tableau\.com)\b"),
        #[cfg(test)]
        hits: &["prod-ansouthgest-a.online.tableau.com", "https://10ay.online.tableau.com"],
        #[cfg(test)]
        misses: &["www.tableau.com", "online.tableau.com"],
    },
    TenantDef {
        id: "octopus-cloud-instance",
        type_name: "OCTOPUS_INSTANCE",
        credentials: &["OCTOPUS_API_KEY"],
        keyword: ".octopus.app",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.octopus\.app)\b"),
        #[cfg(test)]
        hits: &["acme.octopus.app", "https://prod.octopus.app"],
        #[cfg(test)]
        misses: &["octopus.com", "the octopus.app site"],
    },
    TenantDef {
        id: "atlassian-cloud-site",
        type_name: "ATLASSIAN_SITE",
        credentials: &["ATLASSIAN_API_TOKEN"],
        keyword: ".atlassian.net",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.atlassian\.net)\b"),
        #[cfg(test)]
        hits: &["acme.atlassian.net", "https://hereisavalidsubdomain.atlassian.net"],
        #[cfg(test)]
        misses: &["atlassian.net", "www.atlassian.com"],
    },
    TenantDef {
        // Data Center installs live on the customer's own hosts: the URL
        // counts only when the line names the product.
        id: "atlassian-server-url",
        type_name: "ATLASSIAN_SITE",
        credentials: &["ATLASSIAN_API_TOKEN"],
        keyword: "://",
        pattern: r#"(?i)\b(?:bitbucket|confluence|jira)[\w.\-]{0,24}(?:[ \t]{1,3}[a-z]{1,12}){0,2}?[ \t]{0,3}(?:[:=]|\bat\b)[ \t]{0,3}["']?((?-i:https?)://[A-Za-z0-9.\-]{1,100}(?::\d{1,5})?)"#,
        #[cfg(test)]
        hits: &[
            "bitbucket server at https://git.company.com:7990/scm/x.git",
            "CONFLUENCE_URL=https://wiki.example.com:8443",
            "confluence host: https://confluence.corp.local/rest/api",
        ],
        #[cfg(test)]
        misses: &["see https://git.company.com:7990 for details", "bitbucket is great"],
    },
    TenantDef {
        // The key id beside its secret: a self-standing AWS key id is
        // base32 after the prefix (rule aws-access-key-id, A-Z and 2-7),
        // but an id written with 0, 1, 8 or 9 (hand-edited or generated
        // from the wrong alphabet) next to a secret (an AWS secret access
        // key, or the `secret:` of a credentials block, which the generic
        // rule finds) is still the other half of that credential.
        id: "aws-access-key-id-pair",
        type_name: "AWS_ACCESS_KEY_ID",
        credentials: &["AWS_SECRET_ACCESS_KEY", "GENERIC_SECRET"],
        // Every prefix holds an `a`; the row runs only beside a secret.
        keyword: "a",
        pattern: r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b",
        #[cfg(test)]
        hits: &["id: ABIA9QW8ER1TY0UIOPAS", "aws_access_key_id = AKIA0123456789ABCDEF"],
        #[cfg(test)]
        misses: &["AKIA0123456789ABCDE", "xAKIA0123456789ABCDEF"],
    },
    TenantDef {
        id: "aws-appsync-endpoint",
        type_name: "AWS_APPSYNC_ENDPOINT",
        credentials: &["AWS_APPSYNC_API_KEY"],
        keyword: ".appsync-api.",
        pattern: r"\b((?:https://)?[a-z0-9]{26}\.appsync-api\.[a-z0-9\-]{1,30}\.amazonaws\.com(?:/graphql)?)",
        #[cfg(test)]
        hits: &["https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql"],
        #[cfg(test)]
        misses: &["appsync-api.us-east-1.amazonaws.com"],
    },
    TenantDef {
        id: "azure-apim-gateway",
        type_name: "AZURE_APIM_GATEWAY",
        credentials: &["AZURE_APIM_KEY"],
        keyword: ".azure-api.net",
        pattern: concat!(
            r"\b((?:https?://)?",
            label!(),
            r"(?:\.management|\.developer|\.scm)?\.azure-api\.net)\b"
        ),
        #[cfg(test)]
        hits: &["https://trufflesecuritytest.azure-api.net", "contoso.management.azure-api.net"],
        #[cfg(test)]
        misses: &["azure-api.net"],
    },
    TenantDef {
        // Duo's Auth and Admin API hostname, `api-<id>.duosecurity.com`
        // (https://duo.com/docs/adminapi, "API hostname").
        id: "duo-api-hostname",
        type_name: "DUO_API_HOSTNAME",
        credentials: &["DUO_KEY"],
        keyword: ".duosecurity.com",
        pattern: r"\b((?:https://)?api-[A-Za-z0-9]{1,16}\.duosecurity\.com)\b",
        #[cfg(test)]
        hits: &["api-1a2b3c4d.duosecurity.com", "https://api-xk29fq7e.duosecurity.com"],
        #[cfg(test)]
        misses: &["duosecurity.com", "www.duosecurity.com", "admin.duosecurity.com"],
    },
    TenantDef {
        // The account's own API host (https://<account>.clientary.com/api;
        // roninapp.com is the service's former name, Ronin).
        id: "clientary-account",
        type_name: "CLIENTARY_ACCOUNT",
        credentials: &["CLIENTARY_API_KEY"],
        // Both hosts end so; the row runs only beside a Clientary key.
        keyword: ".com",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.(?:clientary|roninapp)\.com)\b"),
        #[cfg(test)]
        hits: &["truffle-dev.clientary.com", "https://acme.roninapp.com"],
        #[cfg(test)]
        misses: &["clientary.com", "www-clientary.org"],
    },
    TenantDef {
        // A Zulip Cloud organization, <org>.zulipchat.com.
        id: "zulip-organization",
        type_name: "ZULIP_ORGANIZATION",
        credentials: &["ZULIPCHAT_KEY"],
        keyword: ".zulipchat.com",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.zulipchat\.com)\b"),
        #[cfg(test)]
        hits: &["acme-team.zulipchat.com", "https://chat-7.zulipchat.com"],
        #[cfg(test)]
        misses: &["zulipchat.com", "zulip.com"],
    },
    TenantDef {
        id: "grafana-cloud-stack",
        type_name: "GRAFANA_STACK",
        credentials: &["GRAFANA_TOKEN"],
        keyword: ".grafana.net",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.grafana\.net)\b"),
        #[cfg(test)]
        hits: &["mystack.grafana.net", "https://acme-prod.grafana.net"],
        #[cfg(test)]
        misses: &["grafana.com", "grafana.net"],
    },
    TenantDef {
        id: "okta-org",
        type_name: "OKTA_DOMAIN",
        credentials: &["OKTA_TOKEN"],
        keyword: ".okta",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.(?:okta|oktapreview|okta-emea)\.com)\b"),
        #[cfg(test)]
        hits: &["dev-123456.okta.com", "https://acme.oktapreview.com"],
        #[cfg(test)]
        misses: &["okta.com", "www-okta.org"],
    },
    TenantDef {
        id: "loggly-subdomain",
        type_name: "LOGGLY_SUBDOMAIN",
        credentials: &["LOGGLY_TOKEN"],
        keyword: ".loggly.com",
        pattern: concat!(r"\b((?:https?://)?", label!(), r"\.loggly\.com)\b"),
        #[cfg(test)]
        hits: &["w8wW1-tiwRdoa.loggly.com"],
        #[cfg(test)]
        misses: &["loggly.com"],
    },
];
