// Type declarations for promptfence (hand-written; checked against
// src/wasm/ and src/policy/mod.rs). Every entry point (browser, node,
// workerd) exports the same names.

/** What a screening decided for the whole text. */
export type Verdict = "allow" | "redact" | "block";

/** What happens to one finding's text. */
export type Action =
  | "allow"
  | "flag"
  | "mask"
  | "redact"
  | "hash"
  | "pseudonymize"
  | "synthesize"
  | "block";

/** Detection family. */
export type Kind = "pii" | "secret" | "injection" | "canary" | "leak" | "exfiltration" | "limit";

// The unions of type names below are generated from the Rust rule tables
// and checked by tests/vocabulary.rs (`PF_BLESS=1 cargo test --test
// integration vocabulary` rewrites them).

/** Types the built-in PII detectors report. */
export type PiiType =
  | "ABA_ROUTING_NUMBER"
  | "ADDRESS"
  | "AGE"
  | "AU_ABN"
  | "AU_ACN"
  | "AU_MEDICARE"
  | "AU_TFN"
  | "BR_CNPJ"
  | "BR_CPF"
  | "CA_SIN"
  | "CREDIT_CARD"
  | "CRYPTO_WALLET"
  | "DATE_OF_BIRTH"
  | "DATE_TIME"
  | "DE_HEALTH_INSURANCE"
  | "DE_LANR"
  | "DE_PASSPORT"
  | "DE_SOCIAL_SECURITY"
  | "DE_TAX_ID"
  | "EMAIL"
  | "ES_NIE"
  | "ES_NIF"
  | "ES_PASSPORT"
  | "FI_PERSONAL_IDENTITY_CODE"
  | "FR_NIR"
  | "IBAN"
  | "IN_AADHAAR"
  | "IN_GSTIN"
  | "IN_PAN"
  | "IN_PASSPORT"
  | "IN_VOTER"
  | "IP_ADDRESS"
  | "IT_DRIVER_LICENSE"
  | "IT_FISCAL_CODE"
  | "IT_IDENTITY_CARD"
  | "IT_PASSPORT"
  | "IT_VAT_CODE"
  | "KR_BRN"
  | "KR_DRIVER_LICENSE"
  | "KR_FRN"
  | "KR_PASSPORT"
  | "KR_RRN"
  | "LOCATION"
  | "MAC_ADDRESS"
  | "MEDICAL_LICENSE"
  | "NG_VEHICLE_REGISTRATION"
  | "NL_BSN"
  | "NRP"
  | "ORGANIZATION"
  | "PERSON"
  | "PHONE"
  | "PH_MOBILE_NUMBER"
  | "PH_TIN"
  | "PL_NIP"
  | "PL_PESEL"
  | "SE_ORGANISATIONSNUMMER"
  | "SE_PERSONNUMMER"
  | "SG_NRIC_FIN"
  | "SG_UEN"
  | "TH_TNIN"
  | "TITLE"
  | "TR_LICENSE_PLATE"
  | "TR_NATIONAL_ID"
  | "TR_PHONE_NUMBER"
  | "UK_DRIVING_LICENCE"
  | "UK_NHS"
  | "UK_NINO"
  | "UK_PASSPORT"
  | "UK_POSTCODE"
  | "UK_VEHICLE_REGISTRATION"
  | "URL"
  | "US_BANK_NUMBER"
  | "US_DRIVER_LICENSE"
  | "US_ITIN"
  | "US_MBI"
  | "US_NPI"
  | "US_PASSPORT"
  | "US_SSN"
  | "ZA_ID_NUMBER";

/** Types the built-in secret rules report. */
export type SecretType =
  | "ABLY_KEY"
  | "ABSTRACT_API_KEY"
  | "ABSTRACT_KEY"
  | "ABUSEIPDB_KEY"
  | "ABYSSALE_KEY"
  | "ACCOUNT_EMAIL"
  | "ADAFRUIT_KEY"
  | "ADOBE_SECRET"
  | "ADYEN_API_KEY"
  | "ADZUNA_API_KEY"
  | "AEROWORKFLOW_KEY"
  | "AGE_SECRET_KEY"
  | "AGORA_KEY"
  | "AHA_KEY"
  | "AI21_API_KEY"
  | "AIRBRAKE_KEY"
  | "AIRSHIP_KEY"
  | "AIRTABLE_TOKEN"
  | "AIRVISUAL_API_KEY"
  | "ALCHEMY_KEY"
  | "ALCONOST_API_KEY"
  | "ALEGRA_KEY"
  | "ALETHEIAAPI_KEY"
  | "ALGOLIA_API_KEY"
  | "ALGOLIA_APP_ID"
  | "ALIBABA_ACCESS_KEY_ID"
  | "ALIENVAULT_OTX_KEY"
  | "ALLSPORTS_KEY"
  | "ALPACA_KEY"
  | "AMADEUS_API_KEY"
  | "AMBEE_KEY"
  | "AMPLITUDE_KEY"
  | "ANTHROPIC_API_KEY"
  | "ANYPOINT_TOKEN"
  | "ANYSCALE_API_KEY"
  | "APACTA_KEY"
  | "API2CART_KEY"
  | "APIDECK_KEY"
  | "APIFLASH_ACCESS_KEY"
  | "APIFONICA_TOKEN"
  | "APIFY_TOKEN"
  | "APILAYER_KEY"
  | "APIMETRICS_KEY"
  | "APITEMPLATE_KEY"
  | "APOLLO_API_KEY"
  | "APPCUES_API_KEY"
  | "APPOINTEDD_API_KEY"
  | "APPSYNERGY_API_KEY"
  | "APPTIVO_API_KEY"
  | "ARTSY_KEY"
  | "ASANA_CLIENT_ID"
  | "ASANA_TOKEN"
  | "ASSEMBLYAI_API_KEY"
  | "ATERA_KEY"
  | "ATLASSIAN_API_TOKEN"
  | "ATLASSIAN_SITE"
  | "AUDD_API_TOKEN"
  | "AUTH0_SECRET"
  | "AUTHRESS_KEY"
  | "AUTODESK_KEY"
  | "AUTOKLOSE_KEY"
  | "AUTOPILOT_KEY"
  | "AVAZA_PERSONAL_ACCESS_TOKEN"
  | "AVIATIONSTACK_KEY"
  | "AWS_ACCESS_KEY_ID"
  | "AWS_APPSYNC_API_KEY"
  | "AWS_APPSYNC_ENDPOINT"
  | "AWS_BEDROCK_API_KEY"
  | "AWS_MWS_KEY"
  | "AWS_SECRET_ACCESS_KEY"
  | "AWS_SESSION_TOKEN"
  | "AXONAUT_KEY"
  | "AYLIEN_API_KEY"
  | "AYRSHARE_KEY"
  | "AZURE_APIM_GATEWAY"
  | "AZURE_APIM_HOST"
  | "AZURE_APIM_KEY"
  | "AZURE_API_KEY"
  | "AZURE_CLIENT_SECRET"
  | "AZURE_CONNECTION_STRING"
  | "AZURE_DEVOPS_PAT"
  | "AZURE_LOGIC_APP_URL"
  | "AZURE_OPENAI_API_KEY"
  | "AZURE_SAS_TOKEN"
  | "AZURE_SHARED_ACCESS_KEY"
  | "AZURE_STORAGE_KEY"
  | "BANNERBEAR_KEY"
  | "BAREMETRICS_KEY"
  | "BASIC_AUTH"
  | "BEAMER_API_KEY"
  | "BEAMER_KEY"
  | "BEARER_TOKEN"
  | "BEEBOLE_KEY"
  | "BESNAPPY_API_KEY"
  | "BESTTIME_KEY"
  | "BETTERSTACK_TOKEN"
  | "BIGCOMMERCE_TOKEN"
  | "BILLOMAT_KEY"
  | "BINANCE_KEY"
  | "BITBAR_KEY"
  | "BITBUCKET_TOKEN"
  | "BITCOINAVERAGE_KEY"
  | "BITFINEX_KEY"
  | "BITLY_KEY"
  | "BITMEX_KEY"
  | "BITTREX_KEY"
  | "BLAZEMETER_API_KEY"
  | "BLITAPP_KEY"
  | "BLOCKNATIVE_KEY"
  | "BOOSTNOTE_KEY"
  | "BORGBASE_TOKEN"
  | "BOX_TOKEN"
  | "BRAINTREE_PRIVATE_KEY"
  | "BRAINTREE_TOKEN"
  | "BRAINTRUST_API_KEY"
  | "BRANDFETCH_KEY"
  | "BREVO_API_KEY"
  | "BROWSERSTACK_KEY"
  | "BROWSHOT_KEY"
  | "BSCSCAN_KEY"
  | "BUDDYNS_KEY"
  | "BUDIBASE_KEY"
  | "BUGHERD_KEY"
  | "BUGSNAG_API_KEY"
  | "BUILDKITE_TOKEN"
  | "BULBUL_KEY"
  | "BULKSMS_KEY"
  | "BUTTERCMS_KEY"
  | "CALENDLY_TOKEN"
  | "CAMPAYN_KEY"
  | "CAPSULECRM_KEY"
  | "CENTRALSTATION_KEY"
  | "CEREBRAS_API_KEY"
  | "CHARTMOGUL_KEY"
  | "CHECKOUT_KEY"
  | "CHECKVIST_KEY"
  | "CHEC_API_KEY"
  | "CIRCLECI_TOKEN"
  | "CLARIFAI_TOKEN"
  | "CLICKHOUSE_KEY"
  | "CLICKUP_TOKEN"
  | "CLIENTARY_ACCOUNT"
  | "CLIENTARY_API_KEY"
  | "CLOJARS_TOKEN"
  | "CLOUDANT_KEY"
  | "CLOUDFLARE_API_KEY"
  | "CLOUDFLARE_API_TOKEN"
  | "CLOUDFLARE_ORIGIN_CA_KEY"
  | "CLOUDIMAGE_KEY"
  | "CLOUDINARY_API_KEY"
  | "CLOUDINARY_CLOUD_NAME"
  | "CLOUDINARY_SECRET"
  | "CLOUDMERSIVE_API_KEY"
  | "CLOUDSMITH_API_KEY"
  | "CLOZE_API_KEY"
  | "COCOAPODS_TOKEN"
  | "CODECOV_TOKEN"
  | "COHERE_API_KEY"
  | "COINBASE_KEY"
  | "COINLIB_API_KEY"
  | "CONFLUENT_KEY"
  | "CONNECTION_STRING"
  | "CONTENTFUL_TOKEN"
  | "CONTENTSTACK_TOKEN"
  | "COUCHBASE_KEY"
  | "CRATES_IO_TOKEN"
  | "CURRENCYCLOUD_API_KEY"
  | "CURRENTSAPI_KEY"
  | "CUSTOMERIO_KEY"
  | "DATABRICKS_TOKEN"
  | "DATADOG_API_KEY"
  | "DEEPGRAM_API_KEY"
  | "DEEPSEEK_API_KEY"
  | "DEFINED_NETWORKING_KEY"
  | "DIGITALOCEAN_TOKEN"
  | "DINGTALK_WEBHOOK"
  | "DISCORD_CLIENT_ID"
  | "DISCORD_TOKEN"
  | "DISCORD_WEBHOOK"
  | "DOCKER_TOKEN"
  | "DOCUSIGN_KEY"
  | "DOPPLER_TOKEN"
  | "DRONE_TOKEN"
  | "DROPBOX_TOKEN"
  | "DUFFEL_TOKEN"
  | "DUO_API_HOSTNAME"
  | "DUO_KEY"
  | "DYNATRACE_TOKEN"
  | "EASYINSIGHT_KEY"
  | "EASYPOST_KEY"
  | "ELASTIC_API_KEY"
  | "ELEVENLABS_API_KEY"
  | "ETSY_KEY"
  | "EXPO_TOKEN"
  | "FACEBOOK_TOKEN"
  | "FASTLY_TOKEN"
  | "FAUNA_SECRET"
  | "FEISHU_WEBHOOK"
  | "FIGMA_TOKEN"
  | "FINICITY_KEY"
  | "FINNHUB_KEY"
  | "FIREBASE_KEY"
  | "FIREWORKS_API_KEY"
  | "FLICKR_KEY"
  | "FLUTTERWAVE_KEY"
  | "FLYIO_TOKEN"
  | "FRAMEIO_TOKEN"
  | "FRESHBOOKS_TOKEN"
  | "FRESHDESK_KEY"
  | "FRESHWORKS_KEY"
  | "GCP_SERVICE_ACCOUNT"
  | "GENERIC_SECRET"
  | "GEOIPIFY_API_KEY"
  | "GITHUB_TOKEN"
  | "GITLAB_TOKEN"
  | "GITTER_TOKEN"
  | "GOCANVAS_API_KEY"
  | "GOCARDLESS_TOKEN"
  | "GOOGLE_API_KEY"
  | "GOOGLE_CHAT_WEBHOOK"
  | "GOOGLE_OAUTH_CLIENT_SECRET"
  | "GOOGLE_OAUTH_TOKEN"
  | "GRADIENT_TOKEN"
  | "GRADLE_KEY"
  | "GRAFANA_STACK"
  | "GRAFANA_TOKEN"
  | "GROQ_API_KEY"
  | "HARNESS_TOKEN"
  | "HEROKU_API_KEY"
  | "HETZNER_TOKEN"
  | "HEX_API_KEY"
  | "HONEYCOMB_API_KEY"
  | "HUBSPOT_TOKEN"
  | "HUGGINGFACE_TOKEN"
  | "IBM_CLOUD_API_KEY"
  | "IBM_COS_HMAC_KEY"
  | "ICONFINDER_KEY"
  | "IEXAPIS_KEY"
  | "IEXCLOUD_KEY"
  | "IFTTT_WEBHOOK"
  | "IMAGEKIT_KEY"
  | "IMAGGA_KEY"
  | "IMGUR_SECRET"
  | "IMPALA_KEY"
  | "INFLUXDB_TOKEN"
  | "INFRACOST_API_KEY"
  | "INFURA_KEY"
  | "INSIGHTLY_KEY"
  | "INSTABOT_KEY"
  | "INSTAMOJO_KEY"
  | "INTERCOM_TOKEN"
  | "INTERSELLER_KEY"
  | "INTRA42_CLIENT_SECRET"
  | "INTRINIO_KEY"
  | "INVOICEOCEAN_TOKEN"
  | "IP2LOCATION_KEY"
  | "IPAPI_KEY"
  | "IPGEOLOCATION_KEY"
  | "IPINFODB_KEY"
  | "IPINFO_TOKEN"
  | "IPQUALITY_KEY"
  | "IPSTACK_KEY"
  | "JENKINS_TOKEN"
  | "JFROG_TOKEN"
  | "JOTFORM_KEY"
  | "JUMPCLOUD_KEY"
  | "JUPITERONE_KEY"
  | "JURO_KEY"
  | "JWT"
  | "KANBANTOOL_TOKEN"
  | "KARMACRM_KEY"
  | "KEENIO_VENDOR_KEY"
  | "KEEN_KEY"
  | "KICKBOX_KEY"
  | "KLAVIYO_KEY"
  | "KLIPFOLIO_KEY"
  | "KNAPSACKPRO_KEY"
  | "KONTENT_KEY"
  | "KRAKEN_KEY"
  | "KUCOIN_KEY"
  | "KYLAS_KEY"
  | "LANGFUSE_SECRET_KEY"
  | "LANGSMITH_API_KEY"
  | "LANGUAGELAYER_KEY"
  | "LAUNCHDARKLY_KEY"
  | "LEADFEEDER_KEY"
  | "LEMLIST_KEY"
  | "LEMONSQUEEZY_KEY"
  | "LESSANNOYINGCRM_KEY"
  | "LINEAR_API_KEY"
  | "LINE_TOKEN"
  | "LINKEDIN_SECRET"
  | "LINKPREVIEW_KEY"
  | "LINODE_TOKEN"
  | "LIVEAGENT_API_KEY"
  | "LOADMILL_KEY"
  | "LOB_API_KEY"
  | "LOCATIONIQ_KEY"
  | "LOGGLY_SUBDOMAIN"
  | "LOGGLY_TOKEN"
  | "LOGINRADIUS_KEY"
  | "LOGZIO_TOKEN"
  | "LOKALISE_API_TOKEN"
  | "LOYVERSE_KEY"
  | "LUNCHMONEY_KEY"
  | "LUNO_API_KEY"
  | "M3O_KEY"
  | "MADKUDU_KEY"
  | "MAGICBELL_API_KEY"
  | "MAGNETIC_KEY"
  | "MAILBOXLAYER_KEY"
  | "MAILCHIMP_API_KEY"
  | "MAILERLITE_KEY"
  | "MAILGUN_API_KEY"
  | "MAILJET_KEY"
  | "MAILMODO_KEY"
  | "MAKE_WEBHOOK"
  | "MANDRILL_KEY"
  | "MAPBOX_TOKEN"
  | "MAPQUEST_KEY"
  | "MARKETSTACK_KEY"
  | "MATTERMOST_TOKEN"
  | "MATTERMOST_WEBHOOK"
  | "MAVENLINK_KEY"
  | "MAXMIND_LICENSE_KEY"
  | "MEANINGCLOUD_KEY"
  | "MEDIASTACK_KEY"
  | "MEISTERTASK_KEY"
  | "MESIBO_KEY"
  | "MESSAGEBIRD_KEY"
  | "METAAPI_KEY"
  | "METRILO_KEY"
  | "MINDMEISTER_KEY"
  | "MIRO_TOKEN"
  | "MISTRAL_API_KEY"
  | "MITE_API_KEY"
  | "MIXMAX_KEY"
  | "MIXPANEL_SECRET"
  | "MOCKAROO_API_KEY"
  | "MOLLIE_KEY"
  | "MONDAY_TOKEN"
  | "MONGODB_KEY"
  | "MONKEYLEARN_API_KEY"
  | "MOONCLERK_KEY"
  | "MOOSEND_KEY"
  | "MORALIS_KEY"
  | "MUX_TOKEN"
  | "NASDAQ_KEY"
  | "NEON_API_KEY"
  | "NETHUNT_API_KEY"
  | "NETLIFY_TOKEN"
  | "NEWRELIC_KEY"
  | "NEWSAPI_KEY"
  | "NEWSCATCHER_KEY"
  | "NFTPORT_KEY"
  | "NICEREPLY_KEY"
  | "NOTION_TOKEN"
  | "NOZBE_KEY"
  | "NPM_TOKEN"
  | "NUGET_API_KEY"
  | "NUMVERIFY_KEY"
  | "NUTRITIONIX_KEY"
  | "NVIDIA_API_KEY"
  | "NYTIMES_KEY"
  | "OAUTH_CLIENT_ID"
  | "OCTOPUS_API_KEY"
  | "OCTOPUS_INSTANCE"
  | "OKTA_DOMAIN"
  | "OKTA_TOKEN"
  | "OMNISEND_KEY"
  | "ONEPAGECRM_KEY"
  | "ONEPASSWORD_TOKEN"
  | "ONESIGNAL_KEY"
  | "OOPSPAM_KEY"
  | "OPENAI_API_KEY"
  | "OPENCAGEDATA_KEY"
  | "OPENROUTER_API_KEY"
  | "OPENSHIFT_TOKEN"
  | "OPENUV_KEY"
  | "OPENWEATHER_KEY"
  | "OPSGENIE_API_KEY"
  | "OPTIMIZELY_KEY"
  | "OWLBOT_KEY"
  | "PACKAGECLOUD_KEY"
  | "PACKAGIST_TOKEN"
  | "PAGERDUTY_API_KEY"
  | "PANDADOC_KEY"
  | "PANDASCORE_KEY"
  | "PARALLELDOTS_KEY"
  | "PARSEHUB_KEY"
  | "PARTNERSTACK_KEY"
  | "PASSWORD"
  | "PASSWORD_HASH"
  | "PASTEBIN_KEY"
  | "PAYMOAPP_KEY"
  | "PAYMONGO_KEY"
  | "PAYPAL_SECRET"
  | "PAYSTACK_KEY"
  | "PDFLAYER_KEY"
  | "PDFSHIFT_KEY"
  | "PEOPLEDATALABS_KEY"
  | "PEPIPOST_KEY"
  | "PERPLEXITY_API_KEY"
  | "PGANALYZE_API_KEY"
  | "PHOTOROOM_KEY"
  | "PHRASE_TOKEN"
  | "PINECONE_API_KEY"
  | "PIPEDREAM_KEY"
  | "PIPEDRIVE_TOKEN"
  | "PIVOTALTRACKER_KEY"
  | "PIXABAY_KEY"
  | "PLAID_TOKEN"
  | "PLANETSCALE_TOKEN"
  | "PLANYO_KEY"
  | "PLIVO_KEY"
  | "PODIO_KEY"
  | "POLLSAPI_KEY"
  | "POSITIONSTACK_KEY"
  | "POSTAGEAPP_KEY"
  | "POSTBACKS_KEY"
  | "POSTMAN_API_KEY"
  | "POSTMARK_TOKEN"
  | "POWRBOT_KEY"
  | "PREFECT_API_KEY"
  | "PRIVATE_KEY"
  | "PRODPAD_KEY"
  | "PROSPECTCRM_KEY"
  | "PROTOCOLSIO_KEY"
  | "PROXYCRAWL_KEY"
  | "PULUMI_TOKEN"
  | "PUSHER_SECRET"
  | "PYPI_TOKEN"
  | "QUALAROO_KEY"
  | "QUBOLE_KEY"
  | "RAILWAY_TOKEN"
  | "RAPIDAPI_KEY"
  | "RAWG_KEY"
  | "RAYGUN_API_KEY"
  | "RAZORPAY_KEY"
  | "README_API_KEY"
  | "REBRANDLY_KEY"
  | "REDHAT_PYXIS_API_KEY"
  | "REDIS_KEY"
  | "REFINER_KEY"
  | "RENDER_API_KEY"
  | "REPLICATE_API_TOKEN"
  | "REPLYIO_KEY"
  | "REQUESTFINANCE_KEY"
  | "RESEND_KEY"
  | "RITEKIT_KEY"
  | "ROCKETCHAT_WEBHOOK"
  | "ROCKETREACH_KEY"
  | "ROLLBAR_TOKEN"
  | "ROOTLY_API_KEY"
  | "ROUTE4ME_KEY"
  | "RUBYGEMS_TOKEN"
  | "RUNPOD_API_KEY"
  | "RUNRUNIT_KEY"
  | "SALAD_KEY"
  | "SALESBLINK_KEY"
  | "SALESCOOKIE_KEY"
  | "SALESFLARE_KEY"
  | "SALESFORCE_CONSUMER_KEY"
  | "SALESFORCE_INSTANCE"
  | "SALESFORCE_TOKEN"
  | "SALESLOFT_KEY"
  | "SALESMATE_KEY"
  | "SCALEWAY_KEY"
  | "SCALINGO_TOKEN"
  | "SCRAPEOWL_KEY"
  | "SCRAPERAPI_KEY"
  | "SCRAPESTACK_KEY"
  | "SCRAPFLY_KEY"
  | "SCRAPINGANT_KEY"
  | "SCRAPINGBEE_KEY"
  | "SCREENSHOTAPI_KEY"
  | "SCREENSHOTLAYER_KEY"
  | "SCRUTINIZER_KEY"
  | "SECURITYTRAILS_KEY"
  | "SEGMENT_KEY"
  | "SELECTPDF_KEY"
  | "SENDBIRD_TOKEN"
  | "SENDGRID_API_KEY"
  | "SENTRY_TOKEN"
  | "SERPAPI_KEY"
  | "SERPHOUSE_KEY"
  | "SERPSTACK_KEY"
  | "SETTLEMINT_TOKEN"
  | "SHEETY_KEY"
  | "SHIPDAY_KEY"
  | "SHIPPO_TOKEN"
  | "SHODAN_KEY"
  | "SHOPIFY_STORE_DOMAIN"
  | "SHOPIFY_TOKEN"
  | "SHOTSTACK_KEY"
  | "SHUTTERSTOCK_OAUTH_TOKEN"
  | "SIDEKIQ_SECRET"
  | "SIGNALWIRE_KEY"
  | "SIMFIN_KEY"
  | "SIMPLESAT_KEY"
  | "SLACK_TOKEN"
  | "SLACK_WEBHOOK"
  | "SMARTSHEET_TOKEN"
  | "SMARTYSTREETS_KEY"
  | "SNOWFLAKE_TOKEN"
  | "SNYK_TOKEN"
  | "SOFTLAYER_API_KEY"
  | "SONARQUBE_TOKEN"
  | "SONAR_TOKEN"
  | "SONATYPE_TOKEN"
  | "SOURCEGRAPH_TOKEN"
  | "SPARKPOST_KEY"
  | "SPECTRALOPS_TOKEN"
  | "SPEECHTEXT_KEY"
  | "SPLUNK_TOKEN"
  | "SPOONACULAR_KEY"
  | "SPORTSMONK_KEY"
  | "SPOTIFY_SECRET"
  | "SQUARESPACE_KEY"
  | "SQUARE_TOKEN"
  | "STABILITY_API_KEY"
  | "STATUSCAKE_KEY"
  | "STATUSPAGE_API_KEY"
  | "STATUSPAL_KEY"
  | "STOCKDATA_KEY"
  | "STORECOVE_KEY"
  | "STORMBOARD_KEY"
  | "STORMGLASS_KEY"
  | "STRAVA_SECRET"
  | "STRIPE_RESTRICTED_KEY"
  | "STRIPE_SECRET_KEY"
  | "STRIPE_WEBHOOK_SECRET"
  | "STYTCH_KEY"
  | "SUMOLOGIC_KEY"
  | "SUPABASE_TOKEN"
  | "SURVEYBOT_KEY"
  | "SURVEYSPARROW_KEY"
  | "SURVICATE_KEY"
  | "SWELL_KEY"
  | "SWIFTYPE_KEY"
  | "TABLEAU_PAT_NAME"
  | "TABLEAU_SERVER"
  | "TABLEAU_TOKEN"
  | "TAILSCALE_KEY"
  | "TATUM_KEY"
  | "TEAMS_WEBHOOK"
  | "TELEGRAM_BOT_TOKEN"
  | "TENCENT_SECRET_ID"
  | "TERRAFORM_TOKEN"
  | "THINKIFIC_KEY"
  | "TIINGO_KEY"
  | "TIMEZONEAPI_KEY"
  | "TODOIST_TOKEN"
  | "TOGETHER_API_KEY"
  | "TOMTOM_KEY"
  | "TRAVELPAYOUTS_KEY"
  | "TRAVIS_TOKEN"
  | "TRELLO_TOKEN"
  | "TURSO_TOKEN"
  | "TWELVEDATA_KEY"
  | "TWILIO_API_KEY"
  | "TWITCH_TOKEN"
  | "TWITTER_TOKEN"
  | "TYPEFORM_TOKEN"
  | "TYPETALK_KEY"
  | "UCLASSIFY_KEY"
  | "UNPLUGG_KEY"
  | "UPCDATABASE_KEY"
  | "UPLEAD_KEY"
  | "UPSTASH_TOKEN"
  | "UPTIMEROBOT_KEY"
  | "URLSCAN_KEY"
  | "URL_CREDENTIALS"
  | "USERCOM_HOST"
  | "USERSTACK_KEY"
  | "VATLAYER_KEY"
  | "VAULT_APPROLE"
  | "VAULT_TOKEN"
  | "VERCEL_TOKEN"
  | "VERIFIER_TOKEN"
  | "VERIMAIL_KEY"
  | "VERIPHONE_KEY"
  | "VIRUSTOTAL_KEY"
  | "VISUALCROSSING_KEY"
  | "VONAGE_KEY"
  | "VOODOOSMS_KEY"
  | "VOYAGE_API_KEY"
  | "VPNAPI_KEY"
  | "VULTR_API_KEY"
  | "WALKSCORE_KEY"
  | "WANDB_API_KEY"
  | "WEATHERBIT_KEY"
  | "WEATHERSTACK_KEY"
  | "WEBEX_TOKEN"
  | "WEBEX_WEBHOOK"
  | "WEBFLOW_TOKEN"
  | "WEBSITEPULSE_KEY"
  | "WECOM_WEBHOOK"
  | "WEPAY_TOKEN"
  | "WHOXY_KEY"
  | "WISE_API_KEY"
  | "WOOCOMMERCE_KEY"
  | "WORKSNAPS_KEY"
  | "WORLDCOININDEX_KEY"
  | "WORLDWEATHER_KEY"
  | "XAI_API_KEY"
  | "YANDEX_KEY"
  | "YOUSIGN_KEY"
  | "ZAPIER_KEY"
  | "ZENDESK_TOKEN"
  | "ZENKIT_KEY"
  | "ZENSCRAPE_KEY"
  | "ZENSERP_KEY"
  | "ZEROBOUNCE_KEY"
  | "ZIPAPI_KEY"
  | "ZIPCODEAPI_KEY"
  | "ZIPCODEBASE_KEY"
  | "ZOHO_TOKEN"
  | "ZOOM_SECRET"
  | "ZULIPCHAT_KEY"
  | "ZULIP_ORGANIZATION";

/** Types of injection signals (kind "injection"). */
export type InjectionType =
  | "INSTRUCTION_OVERRIDE"
  | "ROLE_HIJACK"
  | "PROMPT_EXTRACTION"
  | "FAKE_ROLE_MARKER"
  | "INDIRECT_INSTRUCTION"
  | "INJECTION_CLASSIFIER"
  | "HIDDEN_TEXT"
  | "OBFUSCATION"
  | "ENCODED_PAYLOAD";

/** Types of the response checks (canary, system-prompt leak, exfiltrating
 * image or link) and of over-limit input. */
export type CheckType =
  | "CANARY"
  | "SYSTEM_PROMPT"
  | "IMAGE"
  | "LINK"
  | "INPUT_TOO_LARGE";

/** Where content passed to `screenContext` came from. */
export type ContextSource =
  | "tool"
  | "function"
  | "web"
  | "email"
  | "document"
  | "retrieval"
  | "other";

/** Result of `screenContext`: a `ScreenResult` that names its source. */
export interface ContextResult extends ScreenResult {
  source: ContextSource;
}

/** A chat message as OpenAI-style APIs take it. `content` may also be an
 * array of parts; text parts (`{ type: "text", text }`) are screened. */
export interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool" | "function" | (string & {});
  content?: string | null | Array<{ type: string; text?: string } & Record<string, unknown>>;
  [key: string]: unknown;
}

/** Result of `screenMessages`. */
export interface MessagesResult {
  /** The strictest verdict over the screened messages. */
  verdict: Verdict;
  /** The highest injection risk over the screened messages. */
  risk: number;
  /** The messages with actions applied (copies; the input is not changed).
   * Empty when the verdict is "block". */
  messages: ChatMessage[];
  /** One entry per screened text: the message index, the part index for
   * array content (else -1), and its result. */
  results: Array<{ index: number; part: number; result: ScreenResult }>;
}

/** A finding's type: a built-in one, or the `type` of one of your own rules
 * or deny-list entries. */
export type FindingType =
  | PiiType
  | SecretType
  | InjectionType
  | CheckType
  | (string & {});

/** One detection. Offsets are UTF-16 code units (JS string indices) into the
 * ORIGINAL input: `input.slice(start, end)` is the detected text. */
export interface Finding {
  kind: Kind;
  /** Canonical UPPER_SNAKE type, e.g. "EMAIL", "CREDIT_CARD", "AWS_ACCESS_KEY_ID". */
  type: FindingType;
  start: number;
  end: number;
  /** Confidence in [0, 1]. */
  score: number;
  action: Action;
  /** Id of the rule that matched. */
  rule: string;
  /** The text that replaced the value in `text`, when it was replaced. */
  replacement?: string;
}

/** Result of `screenPrompt` / `screenResponse`. */
export interface ScreenResult {
  verdict: Verdict;
  /** The text with every action applied (what may be sent or shown). Lone
   * surrogates in the input come back as U+FFFD. */
  text: string;
  /** Prompt-injection risk in [0, 1]. */
  risk: number;
  /** Every detection, including those whose action is "allow" or "flag". */
  findings: Finding[];
}

/** Privacy-safe summary of a result: never contains a raw value. */
export interface AuditRecord {
  verdict: Verdict;
  risk: number;
  /** Number of findings. */
  findings: number;
  /** Findings counted by type, e.g. { EMAIL: 1 }. */
  counts: Record<string, number>;
  /** Ids of the rules that matched. */
  rules: string[];
  /** Fingerprint of the compiled policy. */
  policy: string;
}

/** One vault entry: a pseudonym token and the value it stands for. */
export interface VaultEntry {
  token: string;
  value: string;
  type: string;
}

/** The vault as returned by `exportVault()`. Holds original values: store it
 * only where the conversation itself is stored. */
export interface VaultDump {
  version: 1;
  entries: VaultEntry[];
}

/** Settings for one detection family (PII or secrets). Type names are the
 * family's built-in types (`T`) or the types of your own rules and
 * deny-list entries. */
export interface FamilyPolicy<T extends string = PiiType> {
  /** Detect this family at all. Default true. */
  enabled?: boolean;
  /** Restrict detection to these types; default: every type. */
  types?: (T | (string & {}))[];
  /** Action for types without their own entry. */
  action?: Action;
  /** Per-type actions, e.g. { EMAIL: "mask" }. */
  actions?: { [K in T]?: Action } & Record<string, Action>;
  /** Findings scoring below this are dropped. Default 0.5. */
  minScore?: number;
  /** Per-type minimum scores. */
  thresholds?: { [K in T]?: number } & Record<string, number>;
}

/** PII also chooses the names data: "large" makes the PERSON, LOCATION
 * and ORGANIZATION detectors consult the optional names-data.bin, which
 * `loadNamesData()` must have loaded before the filter is created (else a
 * PolicyError at `pii.names`). "tagger" adds the spans of the optional
 * statistical names tagger (names-tagger.bin, loaded the same way) where
 * the grammar found nothing; "large+tagger" both. Default "core"
 * (built-in lists only). */
export interface PiiPolicy extends FamilyPolicy {
  names?: "core" | "large" | "tagger" | "large+tagger";
}

/** Secrets also accept built-in rule ids to switch off. */
export interface SecretsPolicy extends FamilyPolicy<SecretType> {
  disabledRules?: string[];
}

/** Validators a custom rule may name: every built-in validator, in the
 * order of the Rust table (src/validate/mod.rs). Extension: the secret
 * shapes the built-in rules use ("generic_token", "jwt", "bare_run",
 * "prefixed") can now be named too. */
export type ValidatorName =
  | "none"
  | "luhn"
  | "iban"
  | "us_ssn"
  | "ipv4"
  | "ipv6"
  | "phone"
  | "token"
  | "aba_routing"
  | "au_abn"
  | "au_acn"
  | "au_tfn"
  | "au_medicare"
  | "credit_card"
  | "phone_nanp"
  | "phone_trunk"
  | "phone_br"
  | "pl_nip"
  | "br_cpf"
  | "br_cnpj"
  | "ca_sin"
  | "crypto_wallet"
  | "date"
  | "dea"
  | "de_kvnr"
  | "de_lanr"
  | "de_rvnr"
  | "de_tax_id"
  | "es_nif"
  | "fi_hetu"
  | "fr_nir"
  | "icao"
  | "in_gstin"
  | "it_fiscal_code"
  | "it_vat"
  | "kr_brn"
  | "kr_driver"
  | "kr_frn"
  | "kr_rrn"
  | "mac"
  | "nl_bsn"
  | "not_placeholder"
  | "pl_pesel"
  | "se_org"
  | "se_pnr"
  | "sg_nric"
  | "sg_uen"
  | "th_tnin"
  | "tr_plate"
  | "tr_phone"
  | "tr_tckn"
  | "uk_driving"
  | "uk_nhs"
  | "uk_nino"
  | "uk_plate"
  | "url"
  | "us_itin"
  | "us_npi"
  | "verhoeff"
  | "za_id"
  | "generic_token"
  | "jwt"
  | "bare_run"
  | "prefixed"
  | "named_token"
  | "base64_credentials"
  | "capitalized";

/** A user-defined regex rule. `\d`, `\w`, `\b` are ASCII-only. */
export interface CustomRule {
  /** Unique id, reported in findings. */
  id: string;
  /** UPPER_SNAKE type reported in findings. */
  type: string;
  regex: string;
  /** Default "pii". */
  kind?: "pii" | "secret";
  /** Prefilter keywords; empty: the rule always runs. At most 64, of at
   * most 128 bytes each. */
  keywords?: string[];
  /** Capture group reported (0: whole match). */
  group?: number;
  validator?: ValidatorName;
  /** Score of a match. Default 0.9. */
  score?: number;
  action?: Action;
  /** Context words that raise the score. At most 64, of at most 128
   * bytes each. */
  context?: string[];
}

/** The policy: every key optional; unknown keys throw a PolicyError.
 *
 * Limits (a LimitError or PolicyError with the key path; checked while the
 * object is read, so an oversized list fails after one entry too many): any
 * list 10,000 entries, any object 1,000 keys, any string 1 MiB, nesting 32;
 * `rules` 256; a `regex` (rule or allow list) 4 KiB, compiled to at most
 * 1 MiB; per-key limits below. README "Limits" has the full table. */
export interface Policy {
  version?: 1;
  /** Over-limit input is blocked (default true). */
  failClosed?: boolean;
  limits?: { maxInputBytes?: number };
  pii?: PiiPolicy;
  secrets?: SecretsPolicy;
  injection?: {
    enabled?: boolean;
    /** Risk at or above which signals are flagged. Default 0.5. */
    flagThreshold?: number;
    /** Risk at or above which the prompt is blocked. Default 0.8. */
    blockThreshold?: number;
    /** "large": the classifier's vote comes from the optional large
     * model (injection-model.bin), which `loadInjectionModel()` must have
     * loaded before the filter is created (else a PolicyError at
     * `injection.model`); rules, hidden text and decoded payloads are
     * judged as by default. Default "default" (the built-in model). */
    model?: "default" | "large";
  };
  /** Values never flagged: at most 10,000, each at most 4 KiB (at most
   * 256 of them `{regex}` patterns). */
  allowList?: string[];
  /** Values always flagged as `type`: at most 10,000; each value 3
   * characters to 256 bytes. */
  denyList?: { value: string; type: string; kind?: "pii" | "secret" }[];
  /** Custom rules: at most 256. */
  rules?: CustomRule[];
  /** `keepLast` (0-64) letters and digits stay visible at the end, but
   * never more than half of them. */
  mask?: { char?: string; keepLast?: number };
  /** Key for the "hash" action (8 bytes to 4 KiB); default: a random
   * per-filter key. */
  hash?: { key?: string };
  response?: {
    pii?: PiiPolicy;
    secrets?: SecretsPolicy;
    /** Hosts links and images may point to; others are stopped. */
    allowedHosts?: string[];
    /** Fingerprinted; a response that leaks it is blocked. At most 1 MiB. */
    systemPrompt?: string;
    /** Extra canary markers (6 characters to 4 KiB each). */
    canaries?: string[];
    /** Restore pseudonyms in responses. Default true. */
    restore?: boolean;
  };
}

/** Thrown by `new PromptFilter(policy)` for an invalid policy. `name` is
 * "PolicyError" (or "LimitError" for a policy over a size limit); `path` is
 * the key path of the offending value, e.g. "pii.actions.EMAIL". */
export interface PolicyError extends Error {
  name: "PolicyError" | "LimitError";
  message: string;
  path: string;
}

/** Incremental response screening. Everything `push` and `finish` return,
 * joined, equals `screenResponse` of the joined chunks. */
export class ResponseScanner {
  private constructor();
  /** Adds a chunk; returns the text that is safe to show now. */
  push(chunk: string): string;
  /** Ends the stream; returns the rest. */
  finish(): string;
  /** Findings so far; offsets are UTF-16 units into the joined input. */
  readonly findings: Finding[];
  /** The verdict so far: "block" once a blocking finding was seen. */
  readonly verdict: Verdict;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
  /** `free()`, for `using s = filter.responseScanner()`; a no-op once freed. */
  [Symbol.dispose](): void;
}

/** A prompt filter for one conversation: compiled policy plus the vault of
 * pseudonyms. Create it after `await ready()`.
 *
 * Memory: filters with the same policy share one compiled rule set (the
 * last 8 policies stay compiled), so a filter costs its vault, a few
 * hundred bytes when empty. `free()` releases it at once, and so does
 * `using f = new PromptFilter(policy)` at the end of the scope; a filter
 * never freed is released after garbage collection. When wasm memory is
 * short, a call throws a `LimitError` with `path` "memory" instead of
 * stopping the module; the filters stay usable. */
export class PromptFilter {
  /** @throws {PolicyError} for an invalid policy; Error if used before ready(). */
  constructor(policy?: Policy | null);
  /** Screens a user prompt before it is sent. */
  screenPrompt(text: string): ScreenResult;
  /** Screens content the model will read but the user did not write: tool
   * and function output, web pages, e-mails, retrieved chunks. PII and
   * secrets follow the prompt policy; the injection assessment looks for
   * planted instructions, and a classifier finding spans the line or
   * sentence that scores highest.
   * @throws {TypeError} when `options.source` is not a `ContextSource`. */
  screenContext(text: string, options?: { source?: ContextSource }): ContextResult;
  /** Screens an OpenAI-style message list before it is sent: `user`
   * messages with `screenPrompt`, `tool` and `function` messages with
   * `screenContext`; `system`, `developer` and `assistant` messages pass
   * unchanged (the application wrote them, or they came back through
   * `screenResponse`). */
  screenMessages(messages: ChatMessage[]): MessagesResult;
  /** Screens a complete model response: pseudonyms restored, output policy applied. */
  screenResponse(text: string): ScreenResult;
  /** Replaces vault tokens ([EMAIL_1], …) with the original values.
   * @throws {LimitError} (path "restore") when the result would be longer
   * than `limits.maxInputBytes` UTF-8 bytes (16 MiB by default). */
  restore(text: string): string;
  /** A privacy-safe summary of a result, fit for logs. Only types and
   * rule ids this filter reported or defines are repeated; any other
   * reads "OTHER" / "other". */
  audit(result: ScreenResult): AuditRecord;
  /** A fresh random marker to embed in a system prompt; a response echoing it is blocked. */
  canary(): string;
  /** A streaming scanner sharing this filter's vault. */
  responseScanner(): ResponseScanner;
  /** The same as a Web TransformStream<string, string>. */
  responseStream(): TransformStream<string, string>;
  /** The vault (original values!) as a plain object. */
  exportVault(): VaultDump;
  /** Adds entries from `exportVault()`; returns how many were added.
   * Entries with a malformed token, a type that is not UPPER_SNAKE (at
   * most 64 bytes) or a value over 64 KiB are skipped.
   * @throws {LimitError} (path "entries") for more than 100,000 entries,
   * before any is read. */
  importVault(dump: VaultDump): number;
  /** Number of detection rules compiled into this filter. */
  readonly ruleCount: number;
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void;
  /** `free()`, for `using f = new PromptFilter()`; a no-op once freed. */
  [Symbol.dispose](): void;
}

/** Every built-in detector type, by family (the unions above, as data). */
export const detectorTypes: {
  readonly pii: readonly PiiType[];
  readonly secret: readonly SecretType[];
  readonly injection: readonly InjectionType[];
  readonly check: readonly CheckType[];
};

/** Instantiates the wasm module once; safe to call again. In browsers an
 * optional URL, Response or WebAssembly.Module may replace the default
 * `promptfence_bg.wasm` next to the entry file; the bytes or a
 * WebAssembly.Module also work in Node. The edge-light, workerd and inline
 * entries ignore the argument. */
export function ready(
  moduleOrPath?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** Loads the optional large names data (given names, surnames, places,
 * organizations; about 1.2 MB gzipped) once per process, for filters
 * created afterwards whose policy sets `pii: { names: "large" }`.
 * `source`: the bytes of `promptfence/names-data.bin`, a Response, or a
 * URL (Node: also a file path). Without it, Node reads the package's file
 * and browsers fetch names-data.bin next to the entry module; workerd,
 * edge-light and inline need the bytes. Given the bytes (or URL, or Node
 * file path) of `promptfence/names-tagger.bin` instead, it loads the
 * optional names tagger (`entries`: its weight rows) for `pii: { names:
 * "tagger" }`; call it once per file. Rejects with a `DataError` for
 * bytes that are not a valid names data or tagger file. */
export function loadNamesData(
  source?: string | URL | Request | Response | BufferSource,
): Promise<{ entries: number }>;

/** Loads the optional large injection model (the built-in classifier's
 * features over 2^bits hashed buckets instead of 2^14; see README, "Large
 * injection model") once per process, for filters created afterwards
 * whose policy sets `injection: { model: "large" }`. `source`: the bytes
 * of `promptfence/injection-model.bin`, a Response, or a URL (Node: also
 * a file path). Without it, Node reads the package's file and browsers
 * fetch injection-model.bin next to the entry module; workerd, edge-light
 * and inline need the bytes. `buckets`: its number of hashed buckets.
 * Rejects with a `DataError` for bytes that are not a valid injection
 * model file of this release. */
export function loadInjectionModel(
  source?: string | URL | Request | Response | BufferSource,
): Promise<{ buckets: number }>;

export * from "./sse.js";

declare global {
  interface SymbolConstructor {
    /** The key of explicit resource management (`using`; ES2024). */
    readonly dispose: unique symbol;
  }
}
