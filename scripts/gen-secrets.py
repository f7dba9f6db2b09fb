#!/usr/bin/env python3
"""Generates src/rules/secrets.rs from the table below.

Usage: python3 scripts/gen-secrets.py > src/rules/secrets.rs && rustfmt src/rules/secrets.rs

Each row: (id, TYPE, keywords, pattern, min_entropy, score, hit, misses).
`hit` (one template or a list) and `misses` are templates; `{A36}` expands to 36 characters drawn
deterministically (seeded by the rule id) from class A. Classes:
  A [A-Za-z0-9]  a [a-z0-9]  h [a-f0-9]  H [A-F0-9]  U [A-Z0-9]  L [a-z]
  M [A-Za-z]  u [A-Za-z0-9_-] (alnum at both ends)  B [A-Za-z0-9+/]
  d [0-9]  Z [A-Z2-7]  z [a-z2-7]
Mixed classes always get at least one digit and one letter, so values pass
the token-shape checks. Expanded examples are synthetic: right shape, never
issued. Patterns: every quantifier bounded; group 1 is the reported span.
"""
import base64, random, re, sys, warnings
warnings.filterwarnings('ignore')
import sre_parse

CLASSES = {
    'A': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    'a': 'abcdefghijklmnopqrstuvwxyz0123456789',
    'h': '0123456789abcdef', 'H': '0123456789ABCDEF',
    'U': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    'L': 'abcdefghijklmnopqrstuvwxyz', 'M': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    'u': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
    'B': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    'd': '0123456789', 'Z': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'z': 'abcdefghijklmnopqrstuvwxyz234567',
}
MIXED = set('AahHUuBZz')

def gen(rng, cls, n):
    al = CLASSES[cls]
    while True:
        s = ''.join(rng.choice(al) for _ in range(n))
        if cls == 'u':
            inner = CLASSES['A']
            s = rng.choice(inner) + s[1:-1] + rng.choice(inner) if n > 2 else s
        if cls in MIXED and n >= 4:
            if not any(c.isdigit() for c in s) or not any(c.isalpha() for c in s):
                continue
            if cls in 'AuB' and not (any(c.isupper() for c in s) and any(c.islower() for c in s)):
                continue
        low = s.lower()
        if any(w in low for w in ('xxxx', 'fake', 'test', 'example', 'dummy', 'sample', '0000', '1234', 'abcd')):
            continue
        return s

def expand(rid, tpl, salt=0):
    rng = random.Random(f'{rid}/{salt}')
    return re.sub(r'\{([A-Za-z])(\d+)\}', lambda m: gen(rng, m.group(1), int(m.group(2))), tpl)

R = []
def rule(id, ty, kws, pat, ent, score, hit, misses=None):
    R.append((id, ty, kws, pat, ent, score, hit, misses))

def ctx(id, ty, names, value, hit_value, score=0.92, ent=3.0, miss=None, more=()):
    """Provider key recognised by a provider name before an assignment;
    `more`: further hit templates."""
    alt = '|'.join(re.escape(n).replace('\\ ', ' ') for n in names)
    pat = ('CTX', alt, value)
    name = names[0]
    hit = [f'{name}_api_key = "{hit_value}"', f'{name} token: {hit_value}', *more]
    rule(id, ty, [n.lower() for n in names], pat, ent, score, hit,
         miss or [f'{name}_api_key = "ab12"', f'{name} key: <your-key>'])

# ---------------------------------------------------------------- AI vendors
rule('openai-api-key', 'OPENAI_API_KEY', ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'],
     r'\b(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_\-]{20,74}T3BlbkFJ[A-Za-z0-9_\-]{20,74}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{80,200})(?:[^A-Za-z0-9_\-]|$)',
     3.0, 0.99, 'OPENAI_API_KEY={A20}T3BlbkFJ{A20}'.replace('OPENAI_API_KEY=', 'OPENAI_API_KEY=sk-'),
     ['sk-proj-short', 'sk-T3BlbkFJ'])
rule('anthropic-api-key', 'ANTHROPIC_API_KEY', ['sk-ant-'],
     r'\b(sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_\-]{80,100}AA)(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.99,
     'key sk-ant-api03-{u91}AA here', ['sk-ant-api03-short', 'sk-ant-'])
rule('huggingface-token', 'HUGGINGFACE_TOKEN', ['hf_', 'api_org_'],
     r'\b((?:hf|api_org)_[A-Za-z]{34})\b', 3.0, 0.97, 'HF_TOKEN=hf_{M34}', ['hf_short', 'hf_' + 'a' * 34])
rule('google-api-key', 'GOOGLE_API_KEY', ['aiza'],
     r'\b(AIza[A-Za-z0-9_\-]{35})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'gemini key AIza{A35}', ['AIza123', 'aiza' + 'b' * 35])
rule('google-oauth-client-secret', 'GOOGLE_OAUTH_CLIENT_SECRET', ['gocspx-'],
     r'\b(GOCSPX-[A-Za-z0-9_\-]{28})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'client_secret: GOCSPX-{A28}', ['GOCSPX-short'])
rule('google-oauth-access-token', 'GOOGLE_OAUTH_TOKEN', ['ya29.'],
     r'\b(ya29\.[A-Za-z0-9_\-]{30,1024})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.95, 'Bearer ya29.{u60}', ['ya29.short'])
rule('azure-openai-api-key', 'AZURE_OPENAI_API_KEY', ['azure', 'openai', 'api-key', 'cognitive'],
     r'(?i)(?:azure|openai|api-key|cognitive)[\w .\-"\'\[\]]{0,40}?(?:=|:)\s{0,4}["\']?([a-f0-9]{32})\b', 3.0, 0.9,
     'export AZURE_OPENAI_API_KEY={h32}', ['AZURE_OPENAI_API_KEY=1234', 'openai: <your-key>'])
rule('azure-ai-key', 'AZURE_API_KEY', ['jqqj99'],
     r'\b([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{26})\b', 3.0, 0.95, 'key={A52}JQQJ99{A26}', ['JQQJ99short'])
ctx('cohere-api-key', 'COHERE_API_KEY', ['cohere', 'co_api_key'], r'[A-Za-z0-9]{40}', '{A40}')
ctx('mistral-api-key', 'MISTRAL_API_KEY', ['mistral'], r'[A-Za-z0-9]{32}', '{A32}')
rule('groq-api-key', 'GROQ_API_KEY', ['gsk_'], r'\b(gsk_[A-Za-z0-9]{52})\b', 3.0, 0.98, 'GROQ_API_KEY=gsk_{A52}', ['gsk_short'])
rule('replicate-api-token', 'REPLICATE_API_TOKEN', ['r8_'], r'\b(r8_[A-Za-z0-9]{37})\b', 3.0, 0.97, 'REPLICATE_API_TOKEN=r8_{A37}', ['r8_short'])
rule('perplexity-api-key', 'PERPLEXITY_API_KEY', ['pplx-'], r'\b(pplx-[A-Za-z0-9]{48})\b', 3.0, 0.97, 'pplx-{A48}', ['pplx-short'])
rule('xai-api-key', 'XAI_API_KEY', ['xai-'], r'\b(xai-[A-Za-z0-9]{80})\b', 3.0, 0.97, 'XAI_API_KEY=xai-{A80}', ['xai-short'])
rule('openrouter-api-key', 'OPENROUTER_API_KEY', ['sk-or-'], r'\b(sk-or-v1-[a-f0-9]{64})\b', 3.0, 0.98, 'sk-or-v1-{h64}', ['sk-or-v1-abc'])
ctx('deepseek-api-key', 'DEEPSEEK_API_KEY', ['deepseek'], r'sk-[a-f0-9]{32}', 'sk-{h32}')
ctx('together-api-key', 'TOGETHER_API_KEY', ['together'], r'(?:tgp_v1_)?[A-Za-z0-9_\-]{43,64}', '{h64}')
rule('fireworks-api-key', 'FIREWORKS_API_KEY', ['fw_'], r'\b(fw_[A-Za-z0-9]{24})\b', 3.0, 0.9, 'FIREWORKS_API_KEY=fw_{A24}', ['fw_short'])
rule('langsmith-api-key', 'LANGSMITH_API_KEY', ['lsv2_'], r'\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b', 3.0, 0.98, 'lsv2_pt_{h32}_{h10}', ['lsv2_pt_short'])
rule('langfuse-secret-key', 'LANGFUSE_SECRET_KEY', ['sk-lf-'], r'\b(sk-lf-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b', 0.0, 0.95, 'LANGFUSE_SECRET_KEY=sk-lf-{h8}-{h4}-{h4}-{h4}-{h12}', ['sk-lf-short'])
rule('pinecone-api-key', 'PINECONE_API_KEY', ['pcsk_'], r'\b(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80})\b', 3.0, 0.97, 'pcsk_{A6}_{A63}', ['pcsk_short'])
ctx('pinecone-legacy-key', 'PINECONE_API_KEY', ['pinecone'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('elevenlabs-api-key', 'ELEVENLABS_API_KEY', ['elevenlabs', 'xi-api-key'], r'(?:sk_)?[a-f0-9]{32,48}', 'sk_{h48}')
ctx('assemblyai-api-key', 'ASSEMBLYAI_API_KEY', ['assemblyai'], r'[a-f0-9]{32}', '{h32}')
ctx('deepgram-api-key', 'DEEPGRAM_API_KEY', ['deepgram'], r'[a-f0-9]{40}', '{h40}')
ctx('stability-api-key', 'STABILITY_API_KEY', ['stability'], r'sk-[A-Za-z0-9]{48}', 'sk-{A48}')
ctx('wandb-api-key', 'WANDB_API_KEY', ['wandb'], r'[a-f0-9]{40}', '{h40}')
ctx('voyage-api-key', 'VOYAGE_API_KEY', ['voyage'], r'pa-[A-Za-z0-9_\-]{40,50}', 'pa-{A43}')
ctx('anyscale-api-key', 'ANYSCALE_API_KEY', ['anyscale'], r'esecret_[A-Za-z0-9]{26}', 'esecret_{a26}')
ctx('ai21-api-key', 'AI21_API_KEY', ['ai21'], r'[A-Za-z0-9]{32}', '{A32}')
ctx('clarifai-pat', 'CLARIFAI_TOKEN', ['clarifai'], r'[a-f0-9]{32}', '{h32}')
ctx('gradient-access-token', 'GRADIENT_TOKEN', ['gradient_access'], r'[A-Za-z0-9]{32}', '{A32}')
rule('nvidia-api-key', 'NVIDIA_API_KEY', ['nvapi-'], r'\b(nvapi-[A-Za-z0-9_\-]{64})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'nvapi-{u64}', ['nvapi-short'])
rule('runpod-api-key', 'RUNPOD_API_KEY', ['rpa_'], r'\b(rpa_[A-Z0-9]{40,48})\b', 3.0, 0.95, 'rpa_{U44}', ['rpa_short'])
rule('cerebras-api-key', 'CEREBRAS_API_KEY', ['csk-'], r'\b(csk-[a-z0-9]{48})\b', 3.0, 0.95, 'csk-{a48}', ['csk-short'])

# ---------------------------------------------------------------- cloud
rule('aws-access-key-id', 'AWS_ACCESS_KEY_ID', ['akia', 'asia', 'abia', 'acca', 'a3t'],
     r'\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b', 3.0, 0.95,
     'key=AKIA{U16} region', ['AKIAIOSFODNN7EXAMPLE', 'akiaz7qwertyuiop2345'])
rule('aws-secret-access-key', 'AWS_SECRET_ACCESS_KEY', ['aws', 'secret_access'],
     r'(?i)(?:aws|secret_access)[\w.\-]{0,30}(?:secret|key)[\w.\-]{0,20}["\']?\s{0,3}(?:=|:|=>)\s{0,3}["\']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)',
     3.5, 0.95, 'aws_secret_access_key = {B40}', ['aws_secret_access_key = short', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'])
rule('aws-session-token', 'AWS_SESSION_TOKEN', ['fwogzxivyxdz', 'iqojb3jpz2lux2vj'],
     r'\b((?:FwoGZXIvYXdzE|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{100,1400})', 3.0, 0.95, 'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj{B160}', ['IQoJb3JpZ2luX2Vjshort'])
rule('aws-mws-key', 'AWS_MWS_KEY', ['amzn.mws.'], r'\b(amzn\.mws\.[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b', 0.0, 0.95,
     'amzn.mws.{h8}-{h4}-{h4}-{h4}-{h12}', ['amzn.mws.short'])
rule('aws-appsync-api-key', 'AWS_APPSYNC_API_KEY', ['da2-'], r'\b(da2-[a-z0-9]{26})\b', 3.0, 0.9, 'x-api-key: da2-{a26}', ['da2-short'])
rule('aws-bedrock-api-key', 'AWS_BEDROCK_API_KEY', ['absk'], r'\b(ABSK[A-Za-z0-9+/]{100,200}={0,2})', 3.0, 0.95, 'AWS_BEARER_TOKEN_BEDROCK=ABSK{B120}', ['ABSKshort'])
rule('azure-storage-account-key', 'AZURE_STORAGE_KEY', ['accountkey'], r'(?i)AccountKey=([A-Za-z0-9+/]{86}==)', 3.0, 0.98,
     'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={B86}==;EndpointSuffix=core.windows.net', ['AccountKey=short=='])
rule('azure-shared-access-key', 'AZURE_SHARED_ACCESS_KEY', ['sharedaccesskey'], r'(?i)SharedAccessKey=([A-Za-z0-9+/]{42,44}=?)', 3.0, 0.97,
     'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={B43}=', ['SharedAccessKey=short'])
rule('azure-ad-client-secret', 'AZURE_CLIENT_SECRET', ['q~'], r'(?:^|[^A-Za-z0-9_~.\-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$)', 3.0, 0.95,
     'client_secret={A3}8Q~{A34}', ['abc8Q~short'])
rule('azure-sas-token', 'AZURE_SAS_TOKEN', ['sig='], r'(?i)[?&]sig=([A-Za-z0-9%]{40,120})', 3.0, 0.9,
     'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig={A43}%3D', ['?sig=abc'])
rule('azure-app-config-connection-string', 'AZURE_CONNECTION_STRING', ['azconfig.io'],
     r'(Endpoint=https://[A-Za-z0-9\-]{1,50}\.azconfig\.io;Id=[^;\s]{1,40};Secret=[A-Za-z0-9+/=]{40,90})', 3.0, 0.98,
     'Endpoint=https://myconf.azconfig.io;Id=ab-l0-s0:{A20};Secret={B44}=', ['Endpoint=https://myconf.azconfig.io;Id=x'])
ctx('azure-apim-subscription-key', 'AZURE_APIM_KEY', ['ocp-apim-subscription-key', 'apim'], r'[a-f0-9]{32}', '{h32}')
rule('azure-devops-pat', 'AZURE_DEVOPS_PAT', ['azdo'], r'\b([A-Za-z0-9]{52}AZDO[A-Za-z0-9]{28})\b', 3.0, 0.95, 'pat={A52}AZDO{A28}', ['AZDOshort'])
ctx('azure-devops-legacy-pat', 'AZURE_DEVOPS_PAT', ['azure_devops', 'azure-devops', 'ado_pat', 'devops'], r'[a-z2-7]{52}', '{z52}')
ctx('azure-management-key', 'AZURE_API_KEY', ['azure'], r'[A-Za-z0-9+/]{86}==', '{B86}==', score=0.9)
rule('gcp-service-account', 'GCP_SERVICE_ACCOUNT', ['service_account'], r'("type"\s{0,3}:\s{0,3}"service_account")', 0.0, 0.6,
     '{"type": "service_account", "project_id": "p"}', ['service account docs'])
rule('digitalocean-token', 'DIGITALOCEAN_TOKEN', ['dop_v1_', 'doo_v1_', 'dor_v1_'], r'\b(do[opr]_v1_[a-f0-9]{64})\b', 3.0, 0.98, 'DO_TOKEN=dop_v1_{h64}', ['dop_v1_short'])
rule('alibaba-access-key-id', 'ALIBABA_ACCESS_KEY_ID', ['ltai'], r'\b(LTAI[A-Za-z0-9]{20})\b', 3.0, 0.95, 'accessKeyId: LTAI{A20}', ['LTAIshort'])
rule('tencent-secret-id', 'TENCENT_SECRET_ID', ['akid'], r'\b(AKID[A-Za-z0-9]{32})\b', 3.0, 0.95, 'SecretId=AKID{A32}', ['AKIDshort'])
ctx('ibm-cloud-api-key', 'IBM_CLOUD_API_KEY', ['ibm'], r'[A-Za-z0-9_\-]{44}', '{u44}')
rule('heroku-api-key', 'HEROKU_API_KEY', ['hrku-'], r'\b(HRKU-[A-Za-z0-9_\-]{58,64})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'HEROKU_API_KEY=HRKU-AA{u58}', ['HRKU-short'])
ctx('heroku-legacy-key', 'HEROKU_API_KEY', ['heroku'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('linode-token', 'LINODE_TOKEN', ['linode'], r'[a-f0-9]{64}', '{h64}')
ctx('vultr-api-key', 'VULTR_API_KEY', ['vultr'], r'[A-Z0-9]{36}', '{U36}')
ctx('hetzner-token', 'HETZNER_TOKEN', ['hetzner', 'hcloud'], r'[A-Za-z0-9]{64}', '{A64}')
rule('scaleway-access-key', 'SCALEWAY_KEY', ['scw'], r'\b(SCW[A-Z0-9]{17})\b', 3.0, 0.85, 'SCW_ACCESS_KEY=SCW{U17}', ['SCWshort'])
ctx('cloudflare-api-token', 'CLOUDFLARE_API_TOKEN', ['cloudflare', 'cf_api', 'cf-api'], r'[A-Za-z0-9_\-]{40}', '{u40}')
ctx('cloudflare-global-api-key', 'CLOUDFLARE_API_KEY', ['cloudflare', 'x-auth-key'], r'[a-f0-9]{37}', '{h37}')
# Scannable Cloudflare tokens: prefix, 40 base62 characters, 8 hex digits
# of checksum.
rule('cloudflare-token', 'CLOUDFLARE_API_TOKEN', ['cfut_', 'cfat_', 'cfk_'], r'\b(cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8})\b', 3.0, 0.95, 'CF_TOKEN=cfut_{A40}{h8}', ['cfut_short', 'cfut_{A40}{h8}XTRA', 'cfk_{A40}{h5}'])
rule('cloudflare-origin-ca-key', 'CLOUDFLARE_ORIGIN_CA_KEY', ['v1.0-'], r'\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b', 3.0, 0.97, 'v1.0-{h24}-{h146}', ['v1.0-abc'])
rule('flyio-token', 'FLYIO_TOKEN', ['fm1', 'fm2_', 'fo1_'], r'\b((?:fm1[ar]|fm2|fo1)_[A-Za-z0-9+/_\-]{43,1000}={0,2})', 3.0, 0.95, 'FLY_API_TOKEN=fm2_{B80}', ['fm2_short'])
ctx('vercel-token', 'VERCEL_TOKEN', ['vercel'], r'[A-Za-z0-9]{24}', '{A24}')
rule('vercel-access-token', 'VERCEL_TOKEN', ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], r'\b(vc[picrk]_[A-Za-z0-9]{40,64})\b', 3.0, 0.95, 'vcp_{A56}', ['vcp_short'])
rule('netlify-token', 'NETLIFY_TOKEN', ['nfp_'], r'\b(nfp_[A-Za-z0-9]{36,40})\b', 3.0, 0.97, 'NETLIFY_AUTH_TOKEN=nfp_{A36}', ['nfp_short'])
rule('render-api-key', 'RENDER_API_KEY', ['rnd_'], r'\b(rnd_[A-Za-z0-9]{32})\b', 3.0, 0.95, 'rnd_{A32}', ['rnd_short'])
ctx('railway-token', 'RAILWAY_TOKEN', ['railway'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
rule('supabase-token', 'SUPABASE_TOKEN', ['sbp_', 'sb_secret_'], r'\b(sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_\-]{31,40})\b', 3.0, 0.97, 'sbp_{h40}', ['sbp_short'])
rule('planetscale-token', 'PLANETSCALE_TOKEN', ['pscale_'], r'\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.\-]{32,64})\b', 3.0, 0.97, 'pscale_tkn_{A43}', ['pscale_tkn_short'])
rule('neon-api-key', 'NEON_API_KEY', ['napi_'], r'\b(napi_[a-z0-9]{64})\b', 3.0, 0.95, 'napi_{a64}', ['napi_short'])
rule('doppler-token', 'DOPPLER_TOKEN', ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
     r'\b(dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9_.\-]{40,50})\b', 3.0, 0.97, 'DOPPLER_TOKEN=dp.st.{a43}', ['dp.st.short'])
rule('hashicorp-vault-token', 'VAULT_TOKEN', ['hvs.', 'hvb.', 'hvr.'], r'\b(hv[sbr]\.[A-Za-z0-9_\-]{24,200})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.96, 'VAULT_TOKEN=hvs.{u90}', ['hvs.short'])
rule('terraform-cloud-token', 'TERRAFORM_TOKEN', ['atlasv1'], r'\b([a-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70})(?:[^A-Za-z0-9_=\-]|$)', 3.0, 0.97, 'token = "{a14}.atlasv1.{u67}"', ['x.atlasv1.short'])
rule('pulumi-token', 'PULUMI_TOKEN', ['pul-'], r'\b(pul-[a-f0-9]{40})\b', 3.0, 0.97, 'PULUMI_ACCESS_TOKEN=pul-{h40}', ['pul-short'])
rule('databricks-token', 'DATABRICKS_TOKEN', ['dapi', 'dose'], r'\b((?:dapi|dose)[a-f0-9]{32}(?:-\d)?)\b', 3.0, 0.95, 'DATABRICKS_TOKEN=dapi{h32}', ['dapishort'])
rule('grafana-token', 'GRAFANA_TOKEN', ['glc_', 'glsa_', 'eyjrijoi'],
     r'\b(glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{70,400}={0,2})', 3.0, 0.97, 'glsa_{A32}_{h8}', ['glsa_short'])
# New Relic: user keys NRAK- and 27 characters, browser keys NRJS-/NRBR- and
# 19 hex, Insights keys NRII-/NRIQ- (length varies); license keys 40 characters
# ending NRAL and mobile app tokens 42 before -NRMA, both starting eu01xx
# in the EU region.
rule('newrelic-key', 'NEWRELIC_KEY', ['nrak-', 'nrjs-', 'nrii-', 'nriq-', 'nrbr-', 'nraa-'], r'\b(NRA[AK]-[A-Z0-9]{27}|NR(?:JS|BR)-[a-f0-9]{19}|NRI[IQ]-[A-Za-z0-9_\-]{20,42})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.95,
     ['NEW_RELIC_API_KEY=NRAK-{U27}', 'browser key NRJS-{h19}', 'insert key NRII-{u32}'], ['NRAK-short', 'NRAK-{U26}', 'NRBR-{h18}'])
rule('newrelic-license-key', 'NEWRELIC_KEY', ['nral'], r'\b((?:eu01xx[a-fA-F0-9]{30}|[a-fA-F0-9]{36})NRAL)\b', 3.0, 0.95, ['license_key: {h36}NRAL', 'license_key: eu01xx{h30}NRAL'], ['abcNRAL', '{h30}NRAL'])
rule('newrelic-mobile-token', 'NEWRELIC_KEY', ['-nrma'], r'\b((?:AA[a-f0-9]{40}|eu01xx[a-f0-9]{36})-NRMA)\b', 3.0, 0.95, ['app_token: AA{h40}-NRMA', 'eu01xx{h36}-NRMA'], ['AA{h38}-NRMA'])
ctx('datadog-api-key', 'DATADOG_API_KEY', ['datadog', 'dd_api_key', 'dd_app_key', 'dd-api-key'], r'[a-f0-9]{32}(?:[a-f0-9]{8})?', '{h32}')
rule('sentry-token', 'SENTRY_TOKEN', ['sntrys_', 'sntryu_'], r'\b(sntrys_[A-Za-z0-9+/=_]{50,300}|sntryu_[a-f0-9]{64})(?:[^A-Za-z0-9+/=_]|$)', 3.0, 0.97, 'SENTRY_AUTH_TOKEN=sntryu_{h64}', ['sntryu_short'])
ctx('honeycomb-api-key', 'HONEYCOMB_API_KEY', ['honeycomb'], r'[A-Za-z0-9]{22,32}', '{A32}')
rule('dynatrace-token', 'DYNATRACE_TOKEN', ['dt0c01.', 'dt0s01.'], r'\b(dt0[cs]01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b', 3.0, 0.97, 'dt0c01.{U24}.{U64}', ['dt0c01.short'])
ctx('splunk-hec-token', 'SPLUNK_TOKEN', ['splunk'], r'[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('pagerduty-api-key', 'PAGERDUTY_API_KEY', ['pagerduty'], r'u\+[A-Za-z0-9_+\-]{18}|[A-Za-z0-9_+\-]{20}', '{A20}')
ctx('opsgenie-api-key', 'OPSGENIE_API_KEY', ['opsgenie'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('elastic-api-key', 'ELASTIC_API_KEY', ['elastic'], r'[A-Za-z0-9_\-]{20,24}:[A-Za-z0-9_\-]{20,24}|[A-Za-z0-9+/]{40,100}={0,2}', '{A22}:{A22}')
ctx('algolia-api-key', 'ALGOLIA_API_KEY', ['algolia'], r'[a-f0-9]{32}', '{h32}')
rule('mapbox-token', 'MAPBOX_TOKEN', ['sk.eyj'], r'\b(sk\.eyJ[A-Za-z0-9_\-]{50,300}\.[A-Za-z0-9_\-]{20,30})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'sk.eyJ{u60}.{u22}', ['sk.eyJshort'])
ctx('sumologic-access-key', 'SUMOLOGIC_KEY', ['sumo'], r'[A-Za-z0-9]{64}', '{A64}')
ctx('loggly-token', 'LOGGLY_TOKEN', ['loggly'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('logzio-token', 'LOGZIO_TOKEN', ['logz'], r'[A-Za-z]{32}', '{M32}', ent=3.5)
ctx('bugsnag-api-key', 'BUGSNAG_API_KEY', ['bugsnag'], r'[a-f0-9]{32}', '{h32}')
ctx('rollbar-token', 'ROLLBAR_TOKEN', ['rollbar'], r'[a-f0-9]{32}', '{h32}')
ctx('airbrake-key', 'AIRBRAKE_KEY', ['airbrake'], r'[A-Za-z0-9]{32,40}', '{A40}')
ctx('raygun-api-key', 'RAYGUN_API_KEY', ['raygun'], r'[A-Za-z0-9]{22}', '{A22}')
ctx('launchdarkly-key', 'LAUNCHDARKLY_KEY', ['launchdarkly'], r'(?:api|sdk|mob)-[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}', 'sdk-{a8}-{a4}-{a4}-{a4}-{a12}')
rule('launchdarkly-sdk-key', 'LAUNCHDARKLY_KEY', ['sdk-', 'api-', 'mob-'], r'\b((?:api|sdk|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b', 3.0, 0.8, 'ld key sdk-{h8}-{h4}-{h4}-{h4}-{h12}', ['sdk-1234'])
ctx('statuspage-api-key', 'STATUSPAGE_API_KEY', ['statuspage'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)

# ---------------------------------------------------------------- source control, CI/CD, dev tools
rule('github-token', 'GITHUB_TOKEN', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
     r'\b((?:ghp|gho|ghu|ghs)_[A-Za-z0-9]{36}|ghr_[A-Za-z0-9]{36,76}|github_pat_[A-Za-z0-9_]{82})\b', 3.0, 0.98,
     'token ghp_{A36} ok', ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_short'])
rule('gitlab-token', 'GITLAB_TOKEN', ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-', 'glft-', 'glptt-', 'glwt-'],
     r'\b((?:glpat|gldt|glrt|glcbt|glimt|glagent|gloas|glsoat|glffct|glft|glptt|glwt)-[A-Za-z0-9_\-]{20,300}(?:\.[A-Za-z0-9]{2}\.[A-Za-z0-9]{9})?)(?:[^A-Za-z0-9_\-.]|$)', 3.0, 0.98,
     'GITLAB_TOKEN=glpat-{A20}', ['glpat-short'])
rule('gitlab-runner-registration-token', 'GITLAB_TOKEN', ['gr1348941'], r'\b(GR1348941[A-Za-z0-9_\-]{20})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.98, 'GR1348941{A20}', ['GR1348941short'])
rule('bitbucket-app-password', 'BITBUCKET_TOKEN', ['atbb'], r'\b(ATBB[A-Za-z0-9_=.\-]{28,40})(?:[^A-Za-z0-9_=.\-]|$)', 3.0, 0.95, 'ATBB{A32}', ['ATBBshort'])
rule('atlassian-api-token', 'ATLASSIAN_API_TOKEN', ['atatt', 'atctt'], r'\b(AT[AC]TT[A-Za-z0-9_=\-]{50,300})(?:[^A-Za-z0-9_=\-]|$)', 3.0, 0.97, 'JIRA_API_TOKEN=ATATT3x{A180}', ['ATATTshort'])
ctx('atlassian-legacy-token', 'ATLASSIAN_API_TOKEN', ['jira', 'confluence', 'atlassian'], r'[A-Za-z0-9]{24}', '{A24}')
# Jira / Confluence Data Center personal access tokens: base64 of a
# 12-digit token id, `:` and 20 random bytes (44 characters). The pattern
# spells out that prefix: each 3 ASCII digits encode as [MNO][DTjz]
# [AEIMQUYcgk][w-z0-5], and `:` plus a random byte as O[g-v].
def _dc_pat(seed):
    rng = random.Random(seed)
    raw = b'%012d:' % rng.randrange(10**11, 10**12) + bytes(rng.randrange(256) for _ in range(20))
    return base64.b64encode(raw).decode()
ctx('atlassian-datacenter-token', 'ATLASSIAN_API_TOKEN', ['jira', 'confluence', 'atlassian'],
    r'(?:[MNO][DTjz][AEIMQUYcgk][w-z0-5]){4}O[g-v][A-Za-z0-9+/]{26}', _dc_pat('dc-pat-1'),
    miss=['confluence_token = ' + base64.b64encode(b'\x01' + b'89253959051: ' + b'k' * 20).decode(), 'jira key: <your-key>'],
    more=['CONFLUENCE_PAT=' + _dc_pat('dc-pat-2')])
rule('atlassian-datacenter-pat', 'ATLASSIAN_API_TOKEN', ['bbdc-'], r'\b(BBDC-[A-Za-z0-9+/@_\-]{40,48})(?:[^A-Za-z0-9+/@_\-]|$)', 3.0, 0.95, 'BBDC-{A44}', ['BBDC-short'])
rule('circleci-token', 'CIRCLECI_TOKEN', ['ccipat_', 'cciprj_'], r'\b(CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\b', 3.0, 0.98, 'CCIPAT_{A22}_{h40}', ['CCIPAT_short'])
ctx('circleci-legacy-token', 'CIRCLECI_TOKEN', ['circle'], r'[a-f0-9]{40}', '{h40}')
ctx('travis-token', 'TRAVIS_TOKEN', ['travis'], r'[A-Za-z0-9_\-]{22}', '{A22}')
rule('buildkite-token', 'BUILDKITE_TOKEN', ['bkua_'], r'\b(bkua_[a-f0-9]{40})\b', 3.0, 0.97, 'bkua_{h40}', ['bkua_short'])
ctx('drone-token', 'DRONE_TOKEN', ['drone'], r'[A-Za-z0-9]{32}', '{A32}')
ctx('jenkins-api-token', 'JENKINS_TOKEN', ['jenkins'], r'11[a-f0-9]{32}|[a-f0-9]{32}', '11{h32}')
rule('octopus-deploy-key', 'OCTOPUS_API_KEY', ['api-'], r'\b(API-[A-Z0-9]{26,32})\b', 3.0, 0.85, 'X-Octopus-ApiKey: API-{U30}', ['API-SHORT'])
rule('sonarqube-token', 'SONAR_TOKEN', ['squ_', 'sqp_', 'sqa_'], r'\b(sq[upa]_[a-f0-9]{40})\b', 3.0, 0.97, 'SONAR_TOKEN=squ_{h40}', ['squ_short'])
ctx('snyk-token', 'SNYK_TOKEN', ['snyk'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('codecov-token', 'CODECOV_TOKEN', ['codecov'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
rule('harness-token', 'HARNESS_TOKEN', ['pat.', 'sat.'], r'\b((?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20})\b', 3.0, 0.95, 'pat.{A22}.{h24}.{A20}', ['pat.short'])
rule('postman-api-key', 'POSTMAN_API_KEY', ['pmak-'], r'\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b', 3.0, 0.98, 'PMAK-{h24}-{h34}', ['PMAK-short'])
rule('readme-api-key', 'README_API_KEY', ['rdme_'], r'\b(rdme_[a-z0-9]{70})\b', 3.0, 0.97, 'rdme_{a70}', ['rdme_short'])
rule('linear-api-key', 'LINEAR_API_KEY', ['lin_api_', 'lin_oauth_'], r'\b(lin_(?:api|oauth)_[A-Za-z0-9]{40})\b', 3.0, 0.98, 'lin_api_{A40}', ['lin_api_short'])
rule('asana-pat', 'ASANA_TOKEN', ['0/', '1/', '2/'], r'\b([0-2]/\d{16}(?:/\d{16})?:[a-f0-9]{32})\b', 3.0, 0.9, 'ASANA_PAT=1/{d16}:{h32}', ['1/1234:abc'])
rule('notion-token', 'NOTION_TOKEN', ['ntn_', 'secret_'], r'\b(ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\b', 3.0, 0.95, 'NOTION_TOKEN=ntn_{d11}{A35}', ['ntn_short', 'secret_value'])
rule('airtable-pat', 'AIRTABLE_TOKEN', ['pat'], r'\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b', 3.0, 0.97, 'Key=pat{A14}.{h64}', ['pat123.abc'])
ctx('airtable-api-key', 'AIRTABLE_TOKEN', ['airtable'], r'key[A-Za-z0-9]{14}', 'key{A14}')
rule('figma-token', 'FIGMA_TOKEN', ['figd_', 'figu_'], r'\b(fig[du]_[A-Za-z0-9_\-]{40})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'figd_{u40}', ['figd_short'])
ctx('figma-legacy-token', 'FIGMA_TOKEN', ['figma'], r'\d{6}-[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}', '{d6}-{a8}-{a4}-{a4}-{a4}-{a12}')
rule('clickup-token', 'CLICKUP_TOKEN', ['pk_'], r'\b(pk_\d{6,10}_[A-Z0-9]{32})\b', 3.0, 0.95, 'pk_{d8}_{U32}', ['pk_123_short'])
rule('typeform-token', 'TYPEFORM_TOKEN', ['tfp_'], r'\b(tfp_[A-Za-z0-9_.\-]{40,70})(?:[^A-Za-z0-9_.\-]|$)', 3.0, 0.97, 'tfp_{A44}_{A14}', ['tfp_short'])
rule('contentful-token', 'CONTENTFUL_TOKEN', ['cfpat-'], r'\b(CFPAT-[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'CFPAT-{u43}', ['CFPAT-short'])
rule('hubspot-token', 'HUBSPOT_TOKEN', ['pat-na1-', 'pat-eu1-'], r'\b(pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b', 0.0, 0.97, 'pat-na1-{h8}-{h4}-{h4}-{h4}-{h12}', ['pat-na1-short'])
ctx('hubspot-api-key', 'HUBSPOT_TOKEN', ['hubspot', 'hapikey'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0,
    more=['const hs = new HubSpotAPI("{h8}-{h4}-{h4}-{h4}-{h12}");'])
ctx('zendesk-token', 'ZENDESK_TOKEN', ['zendesk'], r'[A-Za-z0-9]{40}', '{A40}')
ctx('intercom-token', 'INTERCOM_TOKEN', ['intercom'], r'[A-Za-z0-9_\-=]{59,60}', '{A60}')
rule('trello-token', 'TRELLO_TOKEN', ['atta'], r'\b(ATTA[A-Fa-f0-9]{64}[A-F0-9]{8})\b', 3.0, 0.95, 'ATTA{h64}{H8}', ['ATTAshort'])
ctx('trello-api-key', 'TRELLO_TOKEN', ['trello'], r'[a-f0-9]{32}(?:[a-f0-9]{32})?', '{h32}')
rule('dropbox-token', 'DROPBOX_TOKEN', ['sl.'], r'\b(sl\.(?:u\.)?[A-Za-z0-9_\-]{130,1500})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.95, 'sl.{u140}', ['sl.short'])
ctx('okta-token', 'OKTA_TOKEN', ['okta'], r'00[A-Za-z0-9_\-]{40}', '00{u40}')
rule('onepassword-service-account', 'ONEPASSWORD_TOKEN', ['ops_eyj'], r'\b(ops_eyJ[A-Za-z0-9+/=_\-]{250,1500})', 3.0, 0.98, 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{B260}', ['ops_eyJshort'])
rule('onepassword-secret-key', 'ONEPASSWORD_TOKEN', ['a3-'], r'\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b', 3.0, 0.95, 'A3-{U6}-{U11}-{U5}-{U5}-{U5}', ['A3-ABC'])
rule('age-secret-key', 'AGE_SECRET_KEY', ['age-secret-key-1'], r'\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b', 3.0, 0.99, 'AGE-SECRET-KEY-1' + ('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L' * 2)[:58], ['AGE-SECRET-KEY-1SHORT'])
ctx('sourcegraph-token', 'SOURCEGRAPH_TOKEN', ['sourcegraph'], r'(?:sgp_)?[a-f0-9]{40}', '{h40}')
rule('sourcegraph-access-token', 'SOURCEGRAPH_TOKEN', ['sgp_'], r'\b(sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40})\b', 3.0, 0.95, 'sgp_{h40}', ['sgp_short'])
rule('rootly-api-key', 'ROOTLY_API_KEY', ['rootly_'], r'\b(rootly_[a-f0-9]{64})\b', 3.0, 0.97, 'ROOTLY_API_TOKEN=rootly_{h64}', ['rootly_short'])
rule('prefect-api-key', 'PREFECT_API_KEY', ['pnu_'], r'\b(pnu_[A-Za-z0-9]{36})\b', 3.0, 0.97, 'pnu_{A36}', ['pnu_short'])
rule('infracost-api-key', 'INFRACOST_API_KEY', ['ico-'], r'\b(ico-[A-Za-z0-9]{32})\b', 3.0, 0.95, 'ico-{A32}', ['ico-short'])
rule('frameio-token', 'FRAMEIO_TOKEN', ['fio-u-'], r'\b(fio-u-[A-Za-z0-9_=\-]{64})(?:[^A-Za-z0-9_=\-]|$)', 3.0, 0.97, 'fio-u-{u64}', ['fio-u-short'])
rule('scalingo-token', 'SCALINGO_TOKEN', ['tk-us-'], r'\b(tk-us-[A-Za-z0-9_\-]{48})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'tk-us-{u48}', ['tk-us-short'])
rule('defined-networking-key', 'DEFINED_NETWORKING_KEY', ['dnkey-'], r'\b(dnkey-[a-z0-9=_\-]{26}-[a-z0-9=_\-]{52})(?:[^a-z0-9=_\-]|$)', 3.0, 0.97, 'dnkey-{a26}-{a52}', ['dnkey-short'])
rule('beamer-api-key', 'BEAMER_API_KEY', ['b_'], r'\b(b_[A-Za-z0-9=_\-]{44})(?:[^A-Za-z0-9=_\-]|$)', 3.5, 0.8, 'beamer b_{A44}', ['b_short'])
rule('authress-key', 'AUTHRESS_KEY', ['sc_', 'ext_', 'scauth_', 'authress_'], r'\b((?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_\-][a-z0-9\-]{10,32}\.[A-Za-z0-9+/_=\-]{30,120})', 3.0, 0.95, 'sc_{a10}.{a5}.acc_{a20}.{A40}', ['sc_abc'])
rule('sidekiq-secret', 'SIDEKIQ_SECRET', ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'], r'(?i)BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\s{0,3}[:=]\s{0,3}["\']?([a-f0-9]{8}:[a-f0-9]{8})\b', 2.0, 0.95, 'BUNDLE_GEMS__CONTRIBSYS__COM={h8}:{h8}', ['BUNDLE_GEMS__CONTRIBSYS__COM=abc'])
ctx('gitter-token', 'GITTER_TOKEN', ['gitter'], r'[a-z0-9_\-]{40}', '{a40}')
ctx('bitbucket-client-secret', 'BITBUCKET_TOKEN', ['bitbucket'], r'[A-Za-z0-9=_\-]{64}|[A-Za-z0-9]{32}', '{A32}')
ctx('github-oauth-secret', 'GITHUB_TOKEN', ['github_client_secret', 'github_secret'], r'[a-f0-9]{40}', '{h40}')
ctx('gitlab-oauth-secret', 'GITLAB_TOKEN', ['gitlab'], r'gloas-[a-f0-9]{64}|[a-f0-9]{64}', '{h64}')
ctx('netlify-legacy-token', 'NETLIFY_TOKEN', ['netlify'], r'[A-Za-z0-9_\-]{43,45}', '{u43}')
ctx('salesforce-token', 'SALESFORCE_TOKEN', ['salesforce', 'sfdc'], r'00[A-Za-z0-9]{13}![A-Za-z0-9_.]{96}|3MVG9[A-Za-z0-9_.]{70,90}|5Aep861[A-Za-z0-9_.]{80}', '00{A13}!{A96}',
    more=["salesforce token - '00{A13}!{A96}'", 'sfdc client id: 3MVG9{A80}'])
ctx('shopify-secret', 'SHOPIFY_TOKEN', ['shopify'], r'[a-f0-9]{32}', '{h32}')
rule('shopify-token', 'SHOPIFY_TOKEN', ['shpat_', 'shpca_', 'shppa_', 'shpss_', 'atkn_'], r'\b((?:shp(?:at|ca|pa|ss)|atkn)_[a-fA-F0-9]{32})\b', 3.0, 0.98, 'shpat_{h32}', ['shpat_short'])
rule('tableau-pat', 'TABLEAU_TOKEN', ['=='], r'\b([A-Za-z0-9+/]{22}==:[A-Za-z0-9]{32})\b', 3.0, 0.9, 'secret={A22}==:{A32}', ['abc==:def'])

# ---------------------------------------------------------------- payments, commerce
rule('stripe-secret-key', 'STRIPE_SECRET_KEY', ['sk_live_', 'sk_test_'], r'\b(sk_(?:live|test)_[A-Za-z0-9]{24,247})\b', 3.0, 0.98, 'STRIPE_KEY=sk_live_{A24}', ['sk_live_short', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'])
rule('stripe-restricted-key', 'STRIPE_RESTRICTED_KEY', ['rk_live_', 'rk_test_'], r'\b(rk_(?:live|test)_[A-Za-z0-9]{24,247})\b', 3.0, 0.98, 'rk_live_{A24}', ['rk_live_short'])
rule('stripe-webhook-secret', 'STRIPE_WEBHOOK_SECRET', ['whsec_'], r'\b(whsec_[A-Za-z0-9+/]{32,64}={0,2})', 3.0, 0.97, 'STRIPE_WEBHOOK_SECRET=whsec_{A32}', ['whsec_short'])
rule('braintree-access-token', 'BRAINTREE_TOKEN', ['access_token$'], r'(access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})\b', 3.0, 0.98, 'access_token$production${a16}${h32}', ['access_token$production$abc'])
rule('square-token', 'SQUARE_TOKEN', ['sq0atp-', 'sq0csp-', 'eaaa'], r'\b(sq0atp-[A-Za-z0-9_\-]{22}|sq0csp-[A-Za-z0-9_\-]{43}|EAAA[A-Za-z0-9_\-]{60})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'sq0csp-{u43}', ['sq0csp-short'])
rule('razorpay-key', 'RAZORPAY_KEY', ['rzp_'], r'\b(rzp_(?:live|test)_[A-Za-z0-9]{14})\b', 3.0, 0.95, 'rzp_live_{A14}', ['rzp_live_short'])
ctx('razorpay-secret', 'RAZORPAY_KEY', ['razorpay'], r'[A-Za-z0-9]{24}', '{A24}')
rule('flutterwave-key', 'FLUTTERWAVE_KEY', ['flwseck', 'flwpubk', 'flwseck_test'], r'\b(FLW(?:SECK|PUBK)(?:_TEST)?-[a-f0-9]{32}-X)\b', 3.0, 0.97, 'FLWSECK-{h32}-X', ['FLWSECK-short-X'])
rule('plaid-access-token', 'PLAID_TOKEN', ['access-sandbox-', 'access-development-', 'access-production-'], r'\b(access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b', 0.0, 0.97, 'access-production-{h8}-{h4}-{h4}-{h4}-{h12}', ['access-production-abc'])
ctx('plaid-secret', 'PLAID_TOKEN', ['plaid'], r'[a-f0-9]{30}', '{h30}')
# The client id is half of the credential pair and is reported with it.
ctx('plaid-client-id', 'PLAID_TOKEN', ['plaid'], r'[a-f0-9]{24}', '{h24}', more=["plaid client id - '{h24}'", 'PLAID_CLIENT_ID={h24}'])
rule('gocardless-token', 'GOCARDLESS_TOKEN', ['live_', 'sandbox_'], r'\b((?:live|sandbox)_[A-Za-z0-9_=\-]{40})(?:[^A-Za-z0-9_=\-]|$)', 3.5, 0.85, 'GOCARDLESS_TOKEN=live_{A40}', ['live_short'])
rule('shippo-token', 'SHIPPO_TOKEN', ['shippo_'], r'\b(shippo_(?:live|test)_[a-f0-9]{40})\b', 0.0, 0.97, 'shippo_live_{h40}', ['shippo_live_short'])
rule('easypost-key', 'EASYPOST_KEY', ['ezak', 'eztk'], r'\b(EZ[AT]K[a-f0-9]{54})\b', 3.0, 0.97, 'EZAK{h54}', ['EZAKshort'])
rule('duffel-token', 'DUFFEL_TOKEN', ['duffel_'], r'\b(duffel_(?:test|live)_[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)', 0.0, 0.97, 'duffel_live_{u43}', ['duffel_live_short'])
ctx('paypal-secret', 'PAYPAL_SECRET', ['paypal'], r'E[A-Za-z0-9_\-]{79}|A[A-Za-z0-9_\-]{79}', 'E{u79}')
ctx('paystack-key', 'PAYSTACK_KEY', ['paystack'], r'sk_(?:live|test)_[a-f0-9]{40}', 'sk_live_{h40}', score=0.99)
ctx('mollie-key', 'MOLLIE_KEY', ['mollie'], r'(?:live|test)_[A-Za-z0-9]{30}', 'live_{A30}')
ctx('checkout-key', 'CHECKOUT_KEY', ['checkout'], r'sk_(?:sbox_)?[a-z0-9]{26}|sk_(?:test_)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', 'sk_sbox_{a26}')
ctx('adyen-api-key', 'ADYEN_API_KEY', ['adyen'], r'AQE[A-Za-z0-9+/=_\-]{80,200}', 'AQE{A100}')
ctx('coinbase-key', 'COINBASE_KEY', ['coinbase'], r'[A-Za-z0-9_\-]{64}', '{u64}')
ctx('kraken-key', 'KRAKEN_KEY', ['kraken'], r'[A-Za-z0-9/=_+\-]{80,90}', '{B88}')
ctx('kucoin-key', 'KUCOIN_KEY', ['kucoin'], r'[a-f0-9]{24}|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h24}')
ctx('bittrex-key', 'BITTREX_KEY', ['bittrex'], r'[a-z0-9]{32}', '{a32}')
ctx('binance-key', 'BINANCE_KEY', ['binance'], r'[A-Za-z0-9]{64}', '{A64}')
ctx('bitfinex-key', 'BITFINEX_KEY', ['bitfinex'], r'[A-Za-z0-9_\-]{43}', '{u43}')
ctx('etsy-key', 'ETSY_KEY', ['etsy'], r'[a-z0-9]{24}', '{a24}')
ctx('lemonsqueezy-key', 'LEMONSQUEEZY_KEY', ['lemonsqueezy', 'lemon_squeezy'], r'eyJ[A-Za-z0-9_\-]{100,600}\.[A-Za-z0-9_\-]{100,2400}\.[A-Za-z0-9_\-]{100,600}', 'eyJ{u120}.{u120}.{u120}')
ctx('wise-api-key', 'WISE_API_KEY', ['wise', 'transferwise'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
rule('lob-api-key', 'LOB_API_KEY', ['live_', 'test_'], r'\b((?:live|test)_(?:pub_)?[a-f0-9]{35})\b', 3.0, 0.85, 'lob key live_{h35}', ['live_abc'])
ctx('finicity-key', 'FINICITY_KEY', ['finicity'], r'[a-f0-9]{32}|[A-Za-z0-9]{20}', '{h32}')
ctx('finnhub-key', 'FINNHUB_KEY', ['finnhub'], r'[a-z0-9]{20}', '{a20}')
ctx('alpaca-key', 'ALPACA_KEY', ['alpaca'], r'[A-Z0-9]{20}|[A-Za-z0-9]{40}', '{U20}')
ctx('squarespace-key', 'SQUARESPACE_KEY', ['squarespace'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('bigcommerce-token', 'BIGCOMMERCE_TOKEN', ['bigcommerce'], r'[a-z0-9]{31}', '{a31}')
ctx('woocommerce-key', 'WOOCOMMERCE_KEY', ['woocommerce'], r'c[ks]_[a-f0-9]{40}', 'ck_{h40}')
rule('woocommerce-token', 'WOOCOMMERCE_KEY', ['ck_', 'cs_'], r'\b(c[ks]_[a-f0-9]{40})\b', 3.0, 0.8, 'consumer ck_{h40}', ['ck_short'])

# ---------------------------------------------------------------- messaging, email, social
rule('slack-token', 'SLACK_TOKEN', ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
     r'\b(xox[baprs]-[0-9A-Za-z]{1,40}-[0-9A-Za-z\-]{8,250}|xoxe(?:\.xox[bp])?-\d-[A-Z0-9]{140,180}|xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-f0-9]{64})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.98,
     'SLACK_BOT_TOKEN=xoxb-{d12}-{d13}-{A24}', ['xoxb-short', 'xoxb-{d11}?{d13}'])
rule('slack-webhook', 'SLACK_WEBHOOK', ['hooks.slack.com'], r'(https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{40,120})', 3.0, 0.97,
     'https://hooks.slack.com/services/T{U8}/B{U8}/{A24}', ['https://hooks.slack.com/services/'])
rule('discord-webhook', 'DISCORD_WEBHOOK', ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], r'(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_\-]{60,70})', 3.0, 0.97,
     'https://discord.com/api/webhooks/{d18}/{u68}', ['https://discord.com/api/webhooks/123/abc'])
ctx('discord-bot-token', 'DISCORD_TOKEN', ['discord'], r'[MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}', 'M{u24}.{u6}.{u27}')
rule('telegram-bot-token', 'TELEGRAM_BOT_TOKEN', [':aa'], r'\b(\d{8,10}:AA[A-Za-z0-9_\-]{33})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'BOT_TOKEN={d10}:AA{u33}', ['123456:AAshort'])
rule('twilio-api-key', 'TWILIO_API_KEY', ['sk'], r'\b(SK[a-f0-9]{32})\b', 3.0, 0.9, 'TWILIO_API_KEY=SK{h32}', ['SKshort'])
ctx('twilio-auth-token', 'TWILIO_API_KEY', ['twilio'], r'[a-f0-9]{32}', '{h32}')
rule('sendgrid-api-key', 'SENDGRID_API_KEY', ['sg.'], r'\b(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.98, 'SENDGRID_API_KEY=SG.{u22}.{u43}', ['SG.short.key'])
rule('mailgun-api-key', 'MAILGUN_API_KEY', ['key-'], r'\b(key-[a-f0-9]{32})\b', 3.0, 0.9, 'MAILGUN_API_KEY=key-{h32}', ['key-short'])
ctx('mailgun-signing-key', 'MAILGUN_API_KEY', ['mailgun'], r'[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}|[A-Za-z0-9_\-]{72}', '{h32}-{h8}-{h8}')
rule('mailchimp-api-key', 'MAILCHIMP_API_KEY', ['-us'], r'\b([a-f0-9]{32}-us\d{1,2})\b', 3.0, 0.95, 'MAILCHIMP_KEY={h32}-us14', ['abc-us1'])
ctx('mailjet-key', 'MAILJET_KEY', ['mailjet', 'mj_apikey'], r'[a-f0-9]{32}', '{h32}')
ctx('postmark-token', 'POSTMARK_TOKEN', ['postmark'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
rule('brevo-api-key', 'BREVO_API_KEY', ['xkeysib-', 'xsmtpsib-'], r'\b(x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16})\b', 3.0, 0.98, 'xkeysib-{h64}-{A16}', ['xkeysib-short'])
ctx('twitch-token', 'TWITCH_TOKEN', ['twitch'], r'[a-z0-9]{30}', '{a30}')
rule('twitter-bearer-token', 'TWITTER_TOKEN', ['aaaaaaaaaaaaaaaaaaaaa'], r'\b(A{22}[A-Za-z0-9%]{30,120})', 3.0, 0.95, 'Bearer AAAAAAAAAAAAAAAAAAAAAA{A80}', ['AAAAAAAAAAAAAAAAAAAAAAshort'])
ctx('twitter-secret', 'TWITTER_TOKEN', ['twitter', 'x_api'], r'[A-Za-z0-9]{45,50}|\d{15,25}-[A-Za-z0-9]{20,40}', '{A50}')
rule('facebook-access-token', 'FACEBOOK_TOKEN', ['eaa'], r'\b(EAA[A-Z][A-Za-z0-9]{80,250})\b', 3.0, 0.9, 'fb token EAAB{A100}', ['EAAshort'])
ctx('facebook-secret', 'FACEBOOK_TOKEN', ['facebook', 'fb_secret', 'fb_app'], r'[a-f0-9]{32}', '{h32}')
rule('teams-webhook', 'TEAMS_WEBHOOK', ['webhook.office.com', 'outlook.office.com/webhook', 'powerplatform.com'],
     r'(https://[A-Za-z0-9\-.]{1,80}\.(?:webhook\.office\.com/webhookb2|outlook\.office\.com/webhook|environment\.api\.powerplatform\.com(?::443)?/powerautomate/automations/direct/workflows)/[A-Za-z0-9@/?=&%._\-]{30,400})',
     3.0, 0.97, 'https://acme.webhook.office.com/webhookb2/{h8}-{h4}-{h4}-{h4}-{h12}@{h8}/IncomingWebhook/{h32}/{h8}', ['https://acme.webhook.office.com/webhookb2/'])
ctx('vonage-key', 'VONAGE_KEY', ['nexmo', 'vonage'], r'[a-f0-9]{8}|[A-Za-z0-9]{16}', '{A16}', ent=2.5)
ctx('plivo-key', 'PLIVO_KEY', ['plivo'], r'MA[A-Z0-9]{18}|[A-Za-z0-9]{40}', 'MA{U18}')
ctx('messagebird-key', 'MESSAGEBIRD_KEY', ['messagebird', 'message-bird', 'message_bird'], r'[A-Za-z0-9]{25}', '{A25}')
ctx('pusher-secret', 'PUSHER_SECRET', ['pusher'], r'[a-f0-9]{20}', '{h20}')
ctx('mattermost-token', 'MATTERMOST_TOKEN', ['mattermost'], r'[a-z0-9]{26}', '{a26}')
ctx('sendbird-token', 'SENDBIRD_TOKEN', ['sendbird'], r'[a-f0-9]{40}', '{h40}')
ctx('line-token', 'LINE_TOKEN', ['line_channel', 'line_token', 'linebot'], r'[A-Za-z0-9+/=]{40,180}', '{B120}')
ctx('zoom-secret', 'ZOOM_SECRET', ['zoom'], r'[A-Za-z0-9]{32}', '{A32}')
ctx('linkedin-secret', 'LINKEDIN_SECRET', ['linkedin'], r'[A-Za-z0-9]{14,16}', '{A16}')
ctx('nytimes-key', 'NYTIMES_KEY', ['nytimes'], r'[A-Za-z0-9=_\-]{32}', '{A32}')
ctx('flickr-key', 'FLICKR_KEY', ['flickr'], r'[a-f0-9]{32}', '{h32}')
ctx('sparkpost-key', 'SPARKPOST_KEY', ['sparkpost'], r'[a-f0-9]{40}', '{h40}')
ctx('mandrill-key', 'MANDRILL_KEY', ['mandrill'], r'[A-Za-z0-9_\-]{22}', '{A22}')
ctx('resend-key', 'RESEND_KEY', ['resend'], r're_[A-Za-z0-9_]{20,40}', 're_{A32}')
rule('resend-api-key', 'RESEND_KEY', ['re_'], r'\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b', 3.0, 0.9, 'RESEND_API_KEY=re_{A8}_{A24}', ['re_short'])
ctx('customerio-key', 'CUSTOMERIO_KEY', ['customerio', 'customer.io'], r'[a-f0-9]{20,32}', '{h32}')
ctx('onesignal-key', 'ONESIGNAL_KEY', ['onesignal'], r'[A-Za-z0-9]{48}|os_v2_app_[a-z0-9]{100,120}', '{A48}')
rule('firebase-fcm-server-key', 'FIREBASE_KEY', ['aaaa'], r'\b(AAAA[A-Za-z0-9_\-]{7}:[A-Za-z0-9_\-]{140})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.97, 'AAAA{u7}:{u140}', ['AAAAabc:def'])
ctx('expo-token', 'EXPO_TOKEN', ['expo'], r'[A-Za-z0-9_\-]{40}', '{u40}')
ctx('ably-key', 'ABLY_KEY', ['ably'], r'[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{6}:[A-Za-z0-9_\-]{43}', '{A6}.{A6}:{u43}')

# ---------------------------------------------------------------- package registries
rule('npm-token', 'NPM_TOKEN', ['npm_'], r'\b(npm_[A-Za-z0-9]{36})\b', 3.0, 0.98, '//registry.npmjs.org/:_authToken=npm_{A36}', ['npm_short', 'npm_install'])
rule('pypi-token', 'PYPI_TOKEN', ['pypi-ageichlwas5vcmc'], r'\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,1000})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.99, 'password = pypi-AgEIcHlwaS5vcmc{u70}', ['pypi-AgEIcHlwaS5vcmcshort'])
rule('rubygems-token', 'RUBYGEMS_TOKEN', ['rubygems_'], r'\b(rubygems_[a-f0-9]{48})\b', 3.0, 0.98, 'rubygems_{h48}', ['rubygems_short'])
rule('nuget-api-key', 'NUGET_API_KEY', ['oy2'], r'\b(oy2[a-z0-9]{43})\b', 3.0, 0.95, 'NUGET_KEY=oy2{a43}', ['oy2short'])
rule('docker-hub-token', 'DOCKER_TOKEN', ['dckr_pat_', 'dckr_oat_'], r'\b(dckr_(?:pat|oat)_[A-Za-z0-9_\-]{27,32})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.98, 'dckr_pat_{u27}', ['dckr_pat_short'])
rule('crates-io-token', 'CRATES_IO_TOKEN', ['cio'], r'\b(cio[A-Za-z0-9]{32})\b', 3.5, 0.9, 'CARGO_REGISTRY_TOKEN=cio{A32}', ['cioshort'])
rule('jfrog-token', 'JFROG_TOKEN', ['akc', 'cmvmdgtu'], r'\b(AKC[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})\b', 3.0, 0.95, 'X-JFrog-Art-Api: AKC{A69}', ['AKCshort'])
ctx('artifactory-key', 'JFROG_TOKEN', ['artifactory', 'jfrog'], r'[A-Za-z0-9]{64,73}', '{A64}')
rule('clojars-token', 'CLOJARS_TOKEN', ['clojars_'], r'\b(CLOJARS_[a-z0-9]{60})\b', 3.0, 0.97, 'CLOJARS_{a60}', ['CLOJARS_short'])
ctx('hex-pm-key', 'HEX_API_KEY', ['hex_api_key', 'hexpm'], r'[a-f0-9]{32}', '{h32}')
ctx('packagist-token', 'PACKAGIST_TOKEN', ['packagist'], r'(?:packagist_[ou][ua]t_)?[a-f0-9]{20,68}', '{h32}')
ctx('cocoapods-token', 'COCOAPODS_TOKEN', ['cocoapods', 'cocoa_pods'], r'[a-f0-9]{32}', '{h32}')
ctx('gradle-key', 'GRADLE_KEY', ['gradle'], r'[A-Za-z0-9]{32}', '{A32}')
ctx('sonatype-token', 'SONATYPE_TOKEN', ['sonatype', 'ossrh'], r'[A-Za-z0-9+/=_\-]{20,44}', '{A40}')
rule('github-npm-auth', 'NPM_TOKEN', ['_authtoken'], r'(?i)_authToken\s{0,3}=\s{0,3}["\']?([A-Za-z0-9_\-]{20,100})', 3.0, 0.9, '//npm.pkg.github.com/:_authToken={A40}', ['_authToken=${NPM_TOKEN}'])
rule('pypirc-password', 'PYPI_TOKEN', ['[pypi]', '[testpypi]'], r'(?i)\[(?:test)?pypi\][^\[]{0,200}?password\s{0,3}[:=]\s{0,3}([^\s]{8,200})', 3.0, 0.9, '[pypi]\nusername = me\npassword = {A24}', ['[pypi]\nusername = me\npassword = <your-token>'])

# ---------------------------------------------------------------- databases, data
rule('connection-string', 'CONNECTION_STRING', ['://'],
     r'(?i)\b((?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|couchbases?|neo4j(?:\+s)?|jdbc:[a-z0-9]{2,20}|ldaps?|ftps?|sftp|smtps?|nats|kafka|cassandra|postgis|timescale|snowflake|redshift|db2|oracle|memcached|elasticsearch|influxdb)://[^:@/\s"\'<>]{0,64}:[^@/\s"\'<>]{1,128}@[A-Za-z0-9.\-_\[\]:]{1,255}(?:/[^\s"\'<>|]{0,200})?)',
     0.0, 0.97, 'DATABASE_URL=postgres://app:{A16}@db.internal:5432/app', ['postgres://app:${DB_PASSWORD}@db:5432/app', 'postgres://localhost:5432/app'])
# Any other scheme with a user and a password before the host
# (`cloudinary://key:secret@cloud`, `amqp+ssl://...`): lower score, so
# the named schemes above and http(s) URL credentials win.
rule('uri-credentials', 'CONNECTION_STRING', ['://'],
     r'(?i)\b([a-z][a-z0-9+.\-]{1,30}://[^:@/\s"\'<>]{1,64}:[^@/\s"\'<>]{3,128}@[A-Za-z0-9.\-_\[\]:]{1,255}(?:/[^\s"\'<>|]{0,200})?)',
     0.0, 0.9, 'CLOUDINARY_URL=cloudinary://{d15}:{u27}@{a9}', ['cloudinary://{d15}@{a9}', 'svc://user:${PASS}@host'])
rule('url-credentials', 'URL_CREDENTIALS', ['://'],
     r'(?i)\b(https?://[A-Za-z0-9._%\-]{1,64}:[^@/\s"\'<>]{3,128}@[A-Za-z0-9.\-]{1,253}(?::\d{1,5})?(?:/[^\s"\'<>|]{0,200})?)',
     0.0, 0.97, 'curl https://deploy:{A16}@git.internal.net/repo.git', ['https://user:${PASS}@host', 'https://example.com/a:b@c'])
rule('ado-connection-string', 'CONNECTION_STRING', ['password=', 'pwd='],
     r'(?i)(?:Server|Data Source|Host|Address|AccountEndpoint)\s{0,2}=[^;\n]{1,200};[^\n]{0,300}?(?:Password|Pwd)\s{0,2}=\s{0,2}([^;\s"\'<>{}$]{3,128})',
     0.0, 0.9, 'Server=tcp:db.internal,1433;Database=app;User ID=app;Password={A16};Encrypt=True', ['Server=db;User ID=app;Password=<password>;'])
rule('jdbc-password', 'CONNECTION_STRING', ['jdbc:'], r'(?i)(jdbc:[a-z0-9]{2,20}:[^\s"\'<>]{1,300}?(?:password|pwd)=[^&;\s"\'<>]{3,128})', 0.0, 0.9,
     'jdbc:postgresql://db:5432/app?user=app&password={A16}', ['jdbc:postgresql://db:5432/app'])
ctx('mongodb-atlas-key', 'MONGODB_KEY', ['mongodb_atlas', 'atlas_private', 'atlas_api'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
ctx('snowflake-password', 'SNOWFLAKE_TOKEN', ['snowflake'], r'[A-Za-z0-9!@#$%^&*_+\-]{12,64}', '{A20}')
ctx('redis-cloud-key', 'REDIS_KEY', ['redis'], r'[A-Za-z0-9]{32,50}', '{A40}')
ctx('fauna-secret', 'FAUNA_SECRET', ['fauna'], r'fn[A-Za-z0-9_\-]{38}', 'fn{u38}')
ctx('upstash-token', 'UPSTASH_TOKEN', ['upstash'], r'A[A-Za-z0-9_\-]{30,120}', 'A{u60}')
ctx('influxdb-token', 'INFLUXDB_TOKEN', ['influx'], r'[A-Za-z0-9_\-]{86}==', '{u86}==')
ctx('confluent-key', 'CONFLUENT_KEY', ['confluent'], r'[A-Za-z0-9+/]{64}|[A-Z0-9]{16}', '{B64}')
ctx('firebase-secret', 'FIREBASE_KEY', ['firebase'], r'[A-Za-z0-9]{40}', '{A40}')
ctx('couchbase-key', 'COUCHBASE_KEY', ['couchbase'], r'[A-Za-z0-9]{32,64}', '{A40}')
ctx('clickhouse-key', 'CLICKHOUSE_KEY', ['clickhouse'], r'4b1d[A-Za-z0-9]{38}|[A-Za-z0-9]{20,40}', '4b1d{A38}')
rule('turso-token', 'TURSO_TOKEN', ['turso'], r'(?i)turso[\w.\-]{0,30}\s{0,3}[:=]\s{0,3}["\']?((?-i:eyJ[A-Za-z0-9_\-]{10,500}\.eyJ[A-Za-z0-9_\-]{10,2000}\.[A-Za-z0-9_\-]{20,500}))', 3.0, 0.95, 'TURSO_AUTH_TOKEN=eyJ{u20}.eyJ{u40}.{u43}', ['TURSO_AUTH_TOKEN=eyJ'])

# ---------------------------------------------------------------- SaaS / other APIs (named keys)
for pid, ty, names, val, hv in [
    ('abstract-api-key', 'ABSTRACT_API_KEY', ['abstractapi', 'abstract_api'], r'[a-z0-9]{32}', '{a32}'),
    ('adafruit-io-key', 'ADAFRUIT_KEY', ['adafruit'], r'aio_[A-Za-z0-9]{28}|[a-z0-9]{32}', 'aio_{A28}'),
    ('adobe-client-secret', 'ADOBE_SECRET', ['adobe'], r'p8e-[A-Za-z0-9\-]{32}|[a-f0-9]{32}', 'p8e-{A32}'),
    ('amplitude-key', 'AMPLITUDE_KEY', ['amplitude'], r'[a-f0-9]{32}', '{h32}'),
    ('apify-token', 'APIFY_TOKEN', ['apify'], r'apify_api_[A-Za-z0-9]{36}', 'apify_api_{A36}'),
    ('auth0-secret', 'AUTH0_SECRET', ['auth0'], r'[A-Za-z0-9_\-]{64}', '{u64}'),
    ('box-token', 'BOX_TOKEN', ['box_'], r'[A-Za-z0-9]{32}', '{A32}'),
    ('browserstack-key', 'BROWSERSTACK_KEY', ['browserstack'], r'[A-Za-z0-9]{20}', '{A20}'),
    ('calendly-token', 'CALENDLY_TOKEN', ['calendly'], r'eyJ[A-Za-z0-9_\-]{20,500}\.eyJ[A-Za-z0-9_\-]{20,1000}\.[A-Za-z0-9_\-]{20,500}', 'eyJ{u30}.eyJ{u60}.{u43}'),
    ('cloudinary-secret', 'CLOUDINARY_SECRET', ['cloudinary'], r'[A-Za-z0-9_\-]{27}', '{u27}'),
    ('contentstack-token', 'CONTENTSTACK_TOKEN', ['contentstack'], r'cs[a-f0-9]{30}', 'cs{h30}'),
    ('docusign-key', 'DOCUSIGN_KEY', ['docusign'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}'),
    ('dropbox-app-secret', 'DROPBOX_TOKEN', ['dropbox'], r'[a-z0-9]{15}', '{a15}'),
    ('fastly-token', 'FASTLY_TOKEN', ['fastly'], r'[A-Za-z0-9_\-]{32}', '{u32}'),
    ('freshbooks-token', 'FRESHBOOKS_TOKEN', ['freshbooks'], r'[a-z0-9]{64}', '{a64}'),
    ('freshdesk-key', 'FRESHDESK_KEY', ['freshdesk'], r'[A-Za-z0-9]{20}', '{A20}'),
    ('gcp-api-key-named', 'GOOGLE_API_KEY', ['google_api', 'gcp_api', 'google_maps'], r'[A-Za-z0-9_\-]{39}', '{u39}'),
    ('gemini-api-key', 'GOOGLE_API_KEY', ['gemini'], r'[A-Za-z0-9_\-]{39}', '{u39}'),
    ('github-app-secret', 'GITHUB_TOKEN', ['github_app', 'github_webhook'], r'[A-Za-z0-9]{40}', '{A40}'),
    ('hubspot-private-app', 'HUBSPOT_TOKEN', ['hs_private', 'hubspot_private'], r'pat-[a-z]{2}1-[a-f0-9\-]{36}', 'pat-na1-{h8}-{h4}-{h4}-{h4}-{h12}'),
    ('imgur-client-secret', 'IMGUR_SECRET', ['imgur'], r'[a-f0-9]{40}', '{h40}'),
    ('ipinfo-token', 'IPINFO_TOKEN', ['ipinfo'], r'[a-f0-9]{14}', '{h14}'),  # low entropy floor below
    ('jumpcloud-key', 'JUMPCLOUD_KEY', ['jumpcloud'], r'[a-f0-9]{40}', '{h40}'),
    ('keen-key', 'KEEN_KEY', ['keen'], r'[A-F0-9]{64}', '{H64}'),
    ('klaviyo-key', 'KLAVIYO_KEY', ['klaviyo'], r'pk_[a-f0-9]{34}', 'pk_{h34}'),
    ('mixpanel-secret', 'MIXPANEL_SECRET', ['mixpanel'], r'[a-f0-9]{32}', '{h32}'),
    ('miro-token', 'MIRO_TOKEN', ['miro'], r'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_[A-Za-z0-9_\-]{27}|[A-Za-z0-9_\-]{27}', '{u27}'),
    ('monday-token', 'MONDAY_TOKEN', ['monday'], r'eyJhbGciOiJIUzI1NiJ9\.eyJ[A-Za-z0-9_\-]{100,400}\.[A-Za-z0-9_\-]{43}', 'eyJhbGciOiJIUzI1NiJ9.eyJ{u120}.{u43}'),
    ('openweather-key', 'OPENWEATHER_KEY', ['openweather', 'owm_'], r'[a-f0-9]{32}', '{h32}'),
    ('pipedrive-token', 'PIPEDRIVE_TOKEN', ['pipedrive'], r'[a-f0-9]{40}', '{h40}'),
    ('rapidapi-key', 'RAPIDAPI_KEY', ['rapidapi', 'x-rapidapi-key'], r'[A-Za-z0-9_\-]{50}', '{u50}'),
    ('salesloft-key', 'SALESLOFT_KEY', ['salesloft'], r'[A-Za-z0-9_\-]{40,70}', '{u60}'),
    ('scrapingbee-key', 'SCRAPINGBEE_KEY', ['scrapingbee', 'scraping_bee'], r'[A-Z0-9]{80}', '{U80}'),
    ('segment-write-key', 'SEGMENT_KEY', ['segment'], r'[A-Za-z0-9]{32}', '{A32}'),
    ('serpapi-key', 'SERPAPI_KEY', ['serpapi'], r'[a-f0-9]{64}', '{h64}'),
    ('shodan-key', 'SHODAN_KEY', ['shodan'], r'[A-Za-z0-9]{32}', '{A32}'),
    ('smartsheet-token', 'SMARTSHEET_TOKEN', ['smartsheet'], r'[A-Za-z0-9]{26,37}', '{A37}'),
    ('spotify-secret', 'SPOTIFY_SECRET', ['spotify'], r'[a-f0-9]{32}', '{h32}'),
    ('strava-secret', 'STRAVA_SECRET', ['strava'], r'[a-f0-9]{40}', '{h40}'),
    ('tailscale-key', 'TAILSCALE_KEY', ['tailscale'], r'tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,40}', 'tskey-api-{A12}-{A32}'),
    ('todoist-token', 'TODOIST_TOKEN', ['todoist'], r'[a-f0-9]{40}', '{h40}'),
    ('uptimerobot-key', 'UPTIMEROBOT_KEY', ['uptimerobot'], r'[umr]\d{6,10}-[a-f0-9]{24}', 'u{d7}-{h24}'),
    ('virustotal-key', 'VIRUSTOTAL_KEY', ['virustotal'], r'[a-f0-9]{64}', '{h64}'),
    ('webflow-token', 'WEBFLOW_TOKEN', ['webflow'], r'[a-f0-9]{64}', '{h64}'),
    ('yousign-key', 'YOUSIGN_KEY', ['yousign'], r'[A-Za-z0-9]{32}', '{A32}'),
    ('youtube-key', 'GOOGLE_API_KEY', ['youtube'], r'AIza[A-Za-z0-9_\-]{35}', 'AIza{A35}'),
    ('zapier-webhook-key', 'ZAPIER_KEY', ['zapier'], r'[a-z0-9]{6,8}/[a-z0-9]{6,8}', '{a7}/{a7}'),
    ('zenkit-key', 'ZENKIT_KEY', ['zenkit'], r'[A-Za-z0-9\-]{43}', '{A43}'),
    ('zoho-token', 'ZOHO_TOKEN', ['zoho'], r'1000\.[a-f0-9]{32}\.[a-f0-9]{32}', '1000.{h32}.{h32}'),
]:
    ctx(pid, ty, names, val, hv, ent=0 if '-{h4}-' in hv else (2.5 if pid == 'ipinfo-token' else 3.0))
rule('tailscale-auth-key', 'TAILSCALE_KEY', ['tskey-'], r'\b(tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,40})\b', 3.0, 0.97, 'tskey-auth-{A12}-{A32}', ['tskey-auth-short'])
rule('zapier-webhook', 'ZAPIER_KEY', ['hooks.zapier.com'], r'(https://hooks\.zapier\.com/hooks/catch/\d{5,10}/[a-z0-9]{5,10}/?)', 0.0, 0.9, 'https://hooks.zapier.com/hooks/catch/{d7}/{a7}/', ['https://hooks.zapier.com/'])
# BestTime (foot-traffic API): private keys pri_ and 32 hex (public keys
# are pub_).
rule('besttime-private-key', 'BESTTIME_KEY', ['pri_'], r'\b(pri_[a-f0-9]{32})\b', 3.0, 0.9, 'api_key_private=pri_{h32}', ['pri_short', 'pub_{h32}'])
rule('apify-api-token', 'APIFY_TOKEN', ['apify_api_'], r'\b(apify_api_[A-Za-z0-9]{36})\b', 3.0, 0.97, 'apify_api_{A36}', ['apify_api_short'])
rule('zoho-refresh-token', 'ZOHO_TOKEN', ['1000.'], r'\b(1000\.[a-f0-9]{32}\.[a-f0-9]{32})\b', 3.0, 0.9, '1000.{h32}.{h32}', ['1000.abc.def'])
rule('yandex-key', 'YANDEX_KEY', ['aqvn', 'yc', 't1.'], r'\b(AQVN[A-Za-z0-9_\-]{35,38}|YC[A-Za-z0-9_\-]{38}|t1\.[A-Za-z0-9_\-]{20,200}={0,2}\.[A-Za-z0-9_\-]{86}={0,2})(?:[^A-Za-z0-9_\-=]|$)', 3.5, 0.85, 'AQVN{u36}', ['AQVNshort'])
rule('shopify-storefront', 'SHOPIFY_TOKEN', ['shpua_'], r'\b(shpua_[a-fA-F0-9]{32})\b', 3.0, 0.97, 'shpua_{h32}', ['shpua_short'])

# ---------------------------------------------------------------- more SaaS / other APIs
# Cloze: API key, 32 lowercase hex, named "cloze".
ctx('cloze-api-key', 'CLOZE_API_KEY', ['cloze'], r'[a-f0-9]{32}', '{h32}')
# Currencycloud: API key, 64 lowercase letters and digits.
ctx('currencycloud-api-key', 'CURRENCYCLOUD_API_KEY', ['currencycloud', 'currency_cloud'], r'[a-z0-9]{64}', '{a64}')
# GoCanvas: API key, 43 base64 characters and one `=` (base64 of 32 bytes).
ctx('gocanvas-api-key', 'GOCANVAS_API_KEY', ['gocanvas'], r'[A-Za-z0-9+/]{43}=', '{B43}=')
# MagicBell: API key, 40 letters, digits and hyphens.
ctx('magicbell-api-key', 'MAGICBELL_API_KEY', ['magicbell'], r'[A-Za-z0-9\-]{40}', '{A40}')
# Kanban Tool: API token, 12 uppercase letters and digits (names kanban, kanbantool).
ctx('kanbantool-token', 'KANBANTOOL_TOKEN', ['kanban'], r'[A-Z0-9]{12}', '{U12}')
# Keen IO: master/write key, 64 uppercase letters and digits (keen-key takes only hex).
ctx('keenio-key', 'KEEN_KEY', ['keen'], r'[A-Z0-9]{64}', '{U64}')
# IP Geolocation by ipify: API key, 32 letters, digits and underscores (at_ and 29).
ctx('geoipify-api-key', 'GEOIPIFY_API_KEY', ['ipify', 'ipifi'], r'[A-Za-z0-9_]{32}', 'at_{A29}')
# MaxMind: license key, 6 alphanumerics, `_`, 29 alphanumerics, `_mmk`.
rule('maxmind-license-key', 'MAXMIND_LICENSE_KEY', ['_mmk'], r'\b([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)\b', 3.0, 0.95,
     ['MAXMIND_LICENSE_KEY={A6}_{A29}_mmk', 'LicenseKey {A6}_{A29}_mmk'], ['{A6}_{A28}_mmk', '{A6}_{A29}_MMK'])
# MaxMind (legacy, GeoIP): license key, 16 letters and digits.
ctx('maxmind-legacy-license-key', 'MAXMIND_LICENSE_KEY', ['maxmind', 'geoip'], r'[A-Za-z0-9]{16}', '{A16}')
# MetaAPI (meta-api.io): API key, 64 lowercase hex.
ctx('metaapi-key', 'METAAPI_KEY', ['metaapi', 'meta-api', 'meta_api'], r'[a-f0-9]{64}', '{h64}')
# mite (time tracking): API key, 16 lowercase letters and digits.
ctx('mite-api-key', 'MITE_API_KEY', ['mite'], r'[a-z0-9]{16}', '{a16}')
# Mixpanel: service account secret, 32 letters and digits (mixpanel-secret takes only hex).
ctx('mixpanel-service-account-secret', 'MIXPANEL_SECRET', ['mixpanel'], r'[A-Za-z0-9]{32}', '{A32}')
# Red Hat Pyxis (Ecosystem Catalog): API key, 32 lowercase letters and digits.
ctx('redhat-pyxis-api-key', 'REDHAT_PYXIS_API_KEY', ['redhat', 'red_hat', 'pyxis'], r'[a-z0-9]{32}', '{a32}')
# Instamojo: client secret, 128 letters and digits, or client id, 40.
ctx('instamojo-key', 'INSTAMOJO_KEY', ['instamojo'], r'[A-Za-z0-9]{128}|[A-Za-z0-9]{40}', '{A40}', more=['instamojo client secret: {A128}'])
# InvoiceOcean: API token, 20 letters and digits.
ctx('invoiceocean-token', 'INVOICEOCEAN_TOKEN', ['invoiceocean'], r'[A-Za-z0-9]{20}', '{A20}')
# WebSitePulse: API key, 32 lowercase hex.
ctx('websitepulse-key', 'WEBSITEPULSE_KEY', ['websitepulse'], r'[a-f0-9]{32}', '{h32}')
# LiveAgent: API key, 32 letters and digits.
ctx('liveagent-api-key', 'LIVEAGENT_API_KEY', ['liveagent', 'ladesk'], r'[A-Za-z0-9]{32}', '{A32}')
# Luno: API key secret, 43 base64url characters.
ctx('luno-api-key', 'LUNO_API_KEY', ['luno'], r'[A-Za-z0-9_\-]{43}', '{u43}')
# OneSignal: key as a UUID (onesignal-key takes only the 48-character and os_v2_app_ keys).
ctx('onesignal-uuid-key', 'ONESIGNAL_KEY', ['onesignal'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', score=0.9, ent=0)
# Freshworks (myfreshworks CRM): API key, 22 base64url characters.
ctx('freshworks-api-key', 'FRESHWORKS_KEY', ['freshworks'], r'[A-Za-z0-9_\-]{22}', '{u22}')
# Better Stack (Better Uptime): API token, 24 letters and digits.
ctx('betterstack-token', 'BETTERSTACK_TOKEN', ['betterstack', 'better_stack', 'betteruptime', 'better_uptime'], r'[A-Za-z0-9]{24}', '{A24}')
# Cloudimage: API key, 30 lowercase letters, digits and underscores.
ctx('cloudimage-key', 'CLOUDIMAGE_KEY', ['cloudimage'], r'[a-z0-9_]{30}', '{a30}')
# Cloudmersive: API key, 36 lowercase letters, digits and hyphens.
ctx('cloudmersive-api-key', 'CLOUDMERSIVE_API_KEY', ['cloudmersive'], r'[a-z0-9\-]{36}', '{a8}-{a4}-{a4}-{a4}-{a12}')
# Cloudsmith: API key, 40 lowercase hex.
ctx('cloudsmith-api-key', 'CLOUDSMITH_API_KEY', ['cloudsmith'], r'[a-f0-9]{40}', '{h40}')
# Coinlib: API key, 16 lowercase letters and digits.
ctx('coinlib-api-key', 'COINLIB_API_KEY', ['coinlib'], r'[a-z0-9]{16}', '{a16}')
# pganalyze: read API key, pgar_ and 27 letters and digits.
rule('pganalyze-read-key', 'PGANALYZE_API_KEY', ['pgar_'], r'\b(pgar_[A-Za-z0-9]{27})\b', 3.0, 0.95,
     'PGANALYZE_READ_KEY=pgar_{A27}', ['pgar_short', 'PGAR_{A27}', 'pgar_{A32}'])
# SpectralOps: personal API key, spu- and 32 lowercase letters and digits.
rule('spectralops-token', 'SPECTRALOPS_TOKEN', ['spu-'], r'\b(spu-[a-z0-9]{32})\b', 3.0, 0.95,
     'SPECTRAL_DSN=https://spu-{h32}@get.spectralops.io', ['spu-short', 'spu-{H32}', 'spu-{h36}'])
# Verifier (verifier.meetchopra.com): API token, 96 lowercase letters and digits.
ctx('verifier-token', 'VERIFIER_TOKEN', ['verifier'], r'[a-z0-9]{96}', '{a96}')
# ZipAPI: API key, 32 lowercase letters and digits.
ctx('zipapi-key', 'ZIPAPI_KEY', ['zipapi'], r'[a-z0-9]{32}', '{a32}')
# Webex: bot/personal access token, 64 alphanumerics, `_`, 4, `_`, then a UUID-shaped org id.
rule('webex-bot-token', 'WEBEX_TOKEN', ['webex', 'spark'],
     r'\b([A-Za-z0-9]{64}_[A-Za-z0-9]{4}_[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12})\b', 3.0, 0.9,
     'WEBEX_BOT_TOKEN={A64}_{U4}_{h8}-{h4}-{h4}-{h4}-{h12}', ['webex = {A28}_{U4}_{h8}-{h4}-{h4}-{h4}-{h12}'])
# Webex: OAuth client secret, 64 lowercase hex (the client id is C and 64 hex).
ctx('webex-client-secret', 'WEBEX_TOKEN', ['webex'], r'[a-f0-9]{64}', '{h64}')
# WePay: access token, 62 letters, digits, underscores (and `?`).
ctx('wepay-token', 'WEPAY_TOKEN', ['wepay'], r'[A-Za-z0-9_?]{62}', '{A62}')
# NetHunt: API key, 36 printable characters without blanks, quotes or `/`.
ctx('nethunt-api-key', 'NETHUNT_API_KEY', ['nethunt'], r'[A-Za-z0-9!#$%&*+=?@^_~.;\-]{36}', '{a8}-{a4}-{a4}-{a4}-{a12}')
# Mockaroo: API key, 8 lowercase letters and digits (short: lower entropy floor).
ctx('mockaroo-api-key', 'MOCKAROO_API_KEY', ['mockaroo'], r'[a-z0-9]{8}', '{a8}', ent=2.0)
# Spotify: client id or secret, 32 letters and digits (spotify-secret takes only hex).
ctx('spotify-client-credential', 'SPOTIFY_SECRET', ['spotify'], r'[A-Za-z0-9]{32}', '{A32}')
# Braintrust: API key, sk- and 48 letters and digits, named "braintrust".
ctx('braintrust-api-key', 'BRAINTRUST_API_KEY', ['braintrust'], r'sk-[A-Za-z0-9]{48}', 'sk-{A48}')
# Anypoint (MuleSoft): access token, a lowercase UUID.
ctx('anypoint-token', 'ANYPOINT_TOKEN', ['anypoint', 'mulesoft'], r'[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}', '{h8}-{h4}-{h4}-{h4}-{h12}', ent=0)
# Anypoint (MuleSoft): connected-app client id or secret, 32 hex (either case).
ctx('anypoint-client-credential', 'ANYPOINT_TOKEN', ['anypoint', 'mulesoft'], r'[A-Fa-f0-9]{32}', '{h32}', more=['anypoint id {h32}'])
# Algolia / DocSearch: application id, 10 uppercase letters and digits.
ctx('algolia-app-id', 'ALGOLIA_APP_ID', ['docsearch', 'algolia'], r'[A-Z0-9]{10}', '{U10}', ent=2.5)
# APIMetrics: API key, 32 letters and digits.
ctx('apimetrics-key', 'APIMETRICS_KEY', ['apimetrics', 'api_metrics'], r'[A-Za-z0-9]{32}', '{A32}', more=['apiMetrics := "{A32}"'])
# APITemplate.io: API key, 39 letters and digits.
ctx('apitemplate-key', 'APITEMPLATE_KEY', ['apitemplate', 'api_template'], r'[A-Za-z0-9]{39}', '{A39}', more=['apiTemplate := "{A39}"'])
# Chec (Commerce.js): public API key, pk_ and 45 lowercase letters and digits.
rule('chec-api-key', 'CHEC_API_KEY', ['pk_'], r'\b(pk_[a-z0-9]{45})\b', 3.0, 0.9,
     'X-Authorization: pk_{a45}', ['pk_short', 'pk_{a44}', 'pk_{A45}'])
# IPInfoDB: API key, 64 lowercase letters and digits.
ctx('ipinfodb-api-key', 'IPINFODB_KEY', ['ipinfodb'], r'[a-z0-9]{64}', '{a64}')

# ---------------------------------------------------------------- keys, certificates, tokens
rule('private-key', 'PRIVATE_KEY', ['-----begin'],
     r'(-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/= \t\r\n:,.\-\\]{16,16384}?-----END[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----)', 0.0, 0.99,
     '-----BEGIN RSA PRIVATE KEY-----\n{B64}\n{B64}\n-----END RSA PRIVATE KEY-----',
     ['-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----'])
rule('private-key-escaped', 'PRIVATE_KEY', ['-----begin'],
     r'(-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY-----(?:\\n|\\r\\n)[A-Za-z0-9+/=\\]{16,16384}?-----END[ A-Z0-9]{0,40} PRIVATE KEY-----)', 0.0, 0.98,
     '"private_key": "-----BEGIN PRIVATE KEY-----\\n{B64}\\n{B40}\\n-----END PRIVATE KEY-----\\n"', ['"-----BEGIN PRIVATE KEY-----"'])
rule('putty-private-key', 'PRIVATE_KEY', ['putty-user-key-file-'], r'(PuTTY-User-Key-File-\d: [A-Za-z0-9+/= \t\r\n:,.@\-]{20,8192}?Private-MAC: [a-f0-9]{40,64})', 0.0, 0.99,
     'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n{B44}\nPrivate-MAC: {h64}', ['PuTTY-User-Key-File-3: ssh-ed25519'])
rule('jwt', 'JWT', ['eyj'], r'\b(eyJ[A-Za-z0-9_\-]{10,500}\.eyJ[A-Za-z0-9_\-]{2,3000}\.[A-Za-z0-9_\-]{10,500})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.9,
     'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{u40}.{u43}', ['eyJhbGciOiJIUzI1NiJ9 alone'])
rule('jwt-header-only-json', 'JWT', ['eyjhbgcio'], r'\b(eyJhbGciO[A-Za-z0-9_\-]{10,500}\.[A-Za-z0-9_\-]{10,3000}\.[A-Za-z0-9_\-]{10,500})(?:[^A-Za-z0-9_\-]|$)', 3.0, 0.88,
     'token eyJhbGciOiJFUzI1NiJ9.{u60}.{u43}', ['eyJhbGciOiJFUzI1NiJ9.short'])
rule('authorization-basic', 'BASIC_AUTH', ['basic '], r'(?i)(?:authorization|auth)["\']?\s{0,3}[:=]\s{0,3}["\']?basic\s{1,3}([A-Za-z0-9+/]{8,400}={0,2})', 3.0, 0.9,
     'Authorization: Basic {B24}==', ['Authorization: Basic <credentials>'])
rule('authorization-bearer', 'BEARER_TOKEN', ['bearer'], r'(?i)bearer\s{1,3}([A-Za-z0-9_\-.~+/]{20,1200}={0,2})(?:[^A-Za-z0-9_\-.~+/=]|$)', 3.0, 0.8,
     'curl -H "Authorization: Bearer {u40}"', ['Authorization: Bearer <token>', 'bearer token auth'])

# ---------------------------------------------------------------- generic (lower scores: provider rules win overlaps)
V = r'[A-Za-z0-9_\-.+/=~!@$%^*:]'
# Token alphabet: base64 / base64url / hex / percent-escapes and the usual
# separators. Issued API keys and tokens stay inside it; `!@$^*#()` and the
# like occur in passwords (generic-password) and in hand-edited fakes.
T = r'[A-Za-z0-9_\-.+/=~:%]'
# A value starts with a token character: never `=` (an assignment left
# over), `$` (a variable reference) or other punctuation.
T0 = r'[A-Za-z0-9_\-.+/]'
# Whitespace inside an assignment stays on one line: a name at the end of
# one line ("# OAuth tokens") is not assigned the next line.
H = r'[ \t]'
# Separators: `=`, `:=`, `:`, `=>`, `->`, a spaced dash ("token - 'v'"),
# a table cell ("| API key | v |"), "is" ("the key is v"), or a blank
# ("Bearer v"). A bare `-` is part of a name (`key-id`).
SEP = r'(?:=|:=|:|=>|->|' + H + r'-' + H + r'|' + H + r'?\|' + H + r'?|' + H + r'(?:is|was)' + H + r'|' + H + r')'
# A declared type between a name and its `=` (`const apiKey string = "v"`,
# `apiKey: string = "v"`).
TYPE = r'(?:' + H + r'{0,4}:?' + H + r'{1,4}(?:string|str|String|&str))?'
# Or a name and its value as two quoted arguments: `Set("X-Api-Key", "v")`.
ARGS = r'["\'],' + H + r'{0,2}'
# Laravel Sanctum personal access tokens: the token's row id, `|`, 40
# random characters and, since Sanctum 4, an 8-hex CRC32 of them.
SANCTUM = r'\d{1,12}\|[A-Za-z0-9]{40}(?:[a-f0-9]{8})?'
rule('generic-api-key', 'GENERIC_SECRET', ['key', 'token', 'secret', 'auth', 'credential', 'bearer', 'signature', 'private', 'access', 'clientid', 'client_id', 'session'],
     r'(?i)(?:key|token|secret|auth|credentials?|bearer|signature|private|access|client_?id|session)[\w.\-]{0,30}(?:["\']?\]?' + TYPE + H + r'{0,4}' + SEP + r'|' + ARGS + r')' + H + r'{0,4}["\'{\[]?' + H + r'?(?:bearer |token |basic )?((?-i:' + SANCTUM + r'|' + T0 + T + r'{9,1999}?))(?:["\'\s,;})\]<`|]|$)',
     3.0, 0.7, ['API_KEY={A32}', 'the API key is {A32}.', '| api_key | {A32} |', 'const apiKey string = "{A32}"', 'req.Header.Set("X-Api-Key", "{A32}")', 'SANCTUM_TOKEN="{d2}|{A40}"'],
     ['API_KEY=changeme', 'key: value', 'token = getToken(ctx)',
     '# OAuth tokens\nACCESS_TOKEN=abc12', 'api_key = "={A24}"', 'token = "{A12}@{A16}"', 'api_key: {h20}q{h11}',
     'SESSION_TOKEN=x8Kd2pQ', 'deploy_secret-{a8}-{a4}', 'the key is missing', 'token = "sk-or-v1-{A20}"', 'api_key: db.{a12}.example.org',
     'secret is "a-secret-of-at-least-32-chars"'])
# A query parameter named like a credential (`?api_key=v&format=json`,
# `&refresh_token=v`): the value runs to the next `&`. Only after `?` or
# `&`: elsewhere `&` may be part of a quoted value.
rule('generic-query-param', 'GENERIC_SECRET', ['key', 'token', 'secret', 'auth', 'session', 'signature'],
     r'(?i)[?&][\w.\-]{0,30}(?:key|token|secret|auth|session|signature)[\w.\-]{0,20}=((?-i:' + T0 + T + r'{9,1999}?))(?:[&"\'\s<>)\]]|$)',
     3.0, 0.7, ['GET /v1/data?api_key={A32}&format=json', 'https://auth.internal/oauth?grant_type=refresh&refresh_token={u60}'],
     ['?api_key=changeme&x=1', 'body: client_id={A32}&grant_type=refresh_token', 'secret = "{A12}&{A12}"'])
# A secret's or token's value in one kind of character (`token = '<25
# digits>'`, `secret: 'vZrEclFwOqeA'`), which the generic rule's token
# shape turns down; only after these two names, whose values are secrets
# by name (validate::bare_run).
rule('generic-bare-run', 'GENERIC_SECRET', ['secret', 'token'],
     r'(?i)(?:secret|token)[\w.\-]{0,30}["\']?\]?' + H + r'{0,4}(?:=|:=|:|=>|' + H + r'-' + H + r')' + H + r'{0,4}["\']?((?-i:\d{20,64}|[A-Za-z]{12,64}))(?:["\'\s,;})\]<`|&]|$)',
     3.0, 0.7, ["vbout token = '{d25}'", 'CLIENT_SECRET={M16}'],
     ["session_token = '{d16}'", 'token: GetAccessTokenHandler', "secret = 'abcdefghijkl'", 'token_count = 12345678901234567890'])
# A second quoted value after `' | '` (alternatives listed after a first
# assignment); blanks inside the quotes are not part of the value.
rule('generic-quoted-list', 'GENERIC_SECRET', ["' | '"], r"'" + H + r"?\|" + H + r"?'" + H + r"?(" + V + r"{8,1999}?)\s?'", 3.0, 0.65, "secret = '{A32}' | '{A32}'", ["'a' | 'b'"])
# The same, for values in one kind of character (as generic-bare-run).
rule('generic-quoted-list-bare', 'GENERIC_SECRET', ["' | '"], r"'" + H + r"?\|" + H + r"?'" + H + r"?(\d{20,64}|[A-Za-z]{12,64})\s?'", 3.0, 0.65,
     "token = '{d24}' | '{d24}'", ["'a' | 'b'", "name = 'GetAccessToken' | 'GetRefreshToken'"])
rule('generic-xml-secret', 'GENERIC_SECRET', ['<secret>', '<password>', '<token>', '<apikey>', '<api-key>', '<session>'],
     r'(?i)<(?:secret|password|token|apikey|api-key|session)>\{?(?:[\w.\-]{1,40} ){0,2}((?-i:' + V + r'{8,1999}?));?\}?</',
     3.0, 0.7, '<secret>{A32}</secret>', ['<secret></secret>', '<password>${PASS}</password>'])
rule('generic-password', 'PASSWORD', ['passw', 'pwd'],
     r'(?i)(?:passw(?:or)?d|pwd)[\w.\-]{0,20}["\']?' + H + r'{0,3}(?:=|:|:=|=>|' + H + r'(?:is|was)' + H + r')' + H + r'{0,3}["\']?([^\s"\'$<>{}][^\s"\'<>{}]{5,127}?)(?:["\'\s,;&)]|$)',
     2.5, 0.72, ['db_password = "{A12}"', 'my password is {A12}'], ['password = ""', 'password = "<password>"', 'password = "${DB_PASS}"'])

def rs(s):
    h = 0
    while '"' + '#' * h in s:
        h += 1
    return 'r' + '#' * h + '"' + s + '"' + '#' * h

def arr(xs):
    return '&[' + ', '.join(rs(x) for x in xs) + ']'

ids = [r[0] for r in R]
dup = {i for i in ids if ids.count(i) > 1}
if dup:
    sys.exit(f'duplicate ids: {dup}')

HEADER = '// @generated by scripts/gen-secrets.py: do not edit by hand.\n// Regenerate: python3 scripts/gen-secrets.py > src/rules/secrets.rs && rustfmt src/rules/secrets.rs\n//! Built-in secret rules. Data only; see `rules` for the conventions.\n//!\n//! The table is one compact string (wasm size: a static `RuleDef` per rule\n//! costs ~80 bytes of pointers that gzip cannot shrink; text compresses\n//! well). One rule per line, tab-separated: id, TYPE, comma-separated\n//! keywords, validator (`T` token shape, `G` generic token, `J` JWT, `R`\n//! one kind of character, `P` self-identifying prefix, `N` none, `C` provider-named context row), minimum entropy and score in hundredths, window in\n//! bytes (see `RuleDef::window`), pattern. Every pattern reports group 1 and has a\n//! bounded maximum match length (tests/rules.rs).\n//!\n//! Provider rules first (high scores), then generic ones (lower scores, so\n//! a provider rule wins an overlap). Example values are synthetic: the\n//! provider\'s shape, deterministic pseudo-random characters, never issued.\n//! Examples are compiled out of the wasm build (size); they exist for the\n//! native tests only.\n\nuse std::sync::OnceLock;\n\nuse super::RuleDef;\nuse crate::report::Kind;\nuse crate::validate::Validator;\n\n/// Number of rows in `TABLE`; a test checks that all of them parse.\npub(crate) const RULES_LEN: usize = %d;\n\nstatic TABLE: &str = "\\'
EXAMPLES_HEAD = '\n/// (hits, misses) per row of `TABLE`, same order.\n#[cfg(not(feature = "wasm"))]\nstatic EXAMPLES: &[(&[&str], &[&str])] = &['
PARSER = '\n/// The parsed table, built once. Rows that do not parse are skipped (a\n/// test checks there are none); parsing never panics.\npub(crate) fn rules() -> &\'static [RuleDef] {\n    static CELL: OnceLock<Vec<RuleDef>> = OnceLock::new();\n    CELL.get_or_init(|| {\n        TABLE.lines().enumerate().filter_map(|(i, l)| row(i, l)).collect()\n    })\n}\n\nfn row(index: usize, line: &\'static str) -> Option<RuleDef> {\n    let mut f = line.splitn(8, \'\\t\');\n    let id = f.next()?;\n    let type_name = f.next()?;\n    let keywords: Vec<&\'static str> =\n        f.next()?.split(\',\').filter(|k| !k.is_empty()).collect();\n    let code = f.next()?;\n    let validator = match code {\n        "N" => Validator::None,\n        "G" => Validator::GenericToken,\n        "J" => Validator::Jwt,\n        "R" => Validator::BareRun,\n        "P" => Validator::Prefixed,\n        _ => Validator::Token,\n    };\n    let min_entropy = hundredths(f.next()?)?;\n    let score = hundredths(f.next()?)?;\n    let window = int(f.next()?)? as usize;\n    let mut pattern = f.next()?;\n    if code == "C" {\n        // A provider key named (by one of the keywords) before an\n        // assignment; the pattern field is the value alone.\n        let names: Vec<String> =\n            keywords.iter().map(|k| regex::escape(k)).collect();\n        let p = format!(\n            "{CTX_HEAD}{}{CTX_MID}{pattern}{CTX_TAIL}",\n            names.join("|")\n        );\n        pattern = Box::leak(p.into_boxed_str());\n    }\n    #[cfg(not(feature = "wasm"))]\n    let (hits, misses): (&\'static [&\'static str], &\'static [&\'static str]) =\n        match EXAMPLES.get(index) {\n            Some((h, m)) => (h, m),\n            None => (&[], &[]),\n        };\n    #[cfg(feature = "wasm")]\n    let (hits, misses, _): (&\'static [&\'static str], &\'static [&\'static str], usize) =\n        (&[], &[], index);\n    Some(RuleDef {\n        id,\n        kind: Kind::Secret,\n        type_name,\n        keywords: Box::leak(keywords.into_boxed_slice()),\n        pattern,\n        group: 1,\n        validator,\n        min_entropy,\n        score,\n        context: &[],\n        anti_context: &[],\n        window,\n        hits,\n        misses,\n    })\n}\n\n/// Context rows (`C`): the provider name (maybe followed by "key",\n/// "token", "secret", "id", "api key" or "client id"), then an assignment\n/// (`=`, `:`, a spaced `-`, a blank, or the `(` of a call such as\n/// `new HubSpotAPI("v")`), then the value; only the value is reported and\n/// it is matched case-sensitively.\nconst CTX_HEAD: &str = "(?i)(?:";\nconst CTX_MID: &str =\n    r#")[\\w.\\-]{0,32}(?:[ \\t](?:api[ \\t]|client[ \\t])?(?:key|token|secret|id))?["\']?\\]?\\s{0,3}(?:=|:=|:|=>|-[ \\t]|\\(|\\s)\\s{0,3}["\']?((?-i:"#;\nconst CTX_TAIL: &str = r"))(?:[^A-Za-z0-9_\\-]|$)";\n\n/// Fixed-point number in hundredths: `97` is 0.97. (No float parsing:\n/// `f32::from_str` costs kilobytes of wasm.)\nfn hundredths(s: &str) -> Option<f32> {\n    Some(int(s)? as f32 / 100.0)\n}\n\nfn int(s: &str) -> Option<u32> {\n    let mut n = 0u32;\n    for b in s.bytes() {\n        if !b.is_ascii_digit() {\n            return None;\n        }\n        n = n.checked_mul(10)?.checked_add(u32::from(b - b\'0\'))?;\n    }\n    Some(n)\n}\n\n/// Placeholder markers: a secret-kind span containing one of these\n/// (ASCII case-insensitive) is documentation, not a credential.\npub(crate) static STOPWORDS: &[&str] = &[\n    "example", "xxxxxxxx", "changeme", "change_me", "placeholder", "your_",\n    "your-", "<your", "${", "{{", "redacted", "dummy", "sample", "insert",\n    "replace_me", "process.env", "os.environ", "getenv", "********",\n];\n\n/// Filler that fixtures write into keys. A span with some is a placeholder\n/// only when what is left without it is not random on its own\n/// (`validate::looks_random`): a random key stays a key with "fake" in it.\npub(crate) static FILLERS: &[&str] = &["fake", "00000000"];'
CTX_PY = r'(?i)(?:%s)[\w.\-]{0,32}(?:[ \t](?:api[ \t]|client[ \t])?(?:key|token|secret|id))?["\']?\]?\s{0,3}(?:=|:=|:|=>|-[ \t]|\(|\s)\s{0,3}["\']?((?-i:%s))(?:[^A-Za-z0-9_\-]|$)'
NONE_VALIDATOR = {'private-key', 'private-key-escaped', 'putty-private-key', 'connection-string', 'url-credentials', 'uri-credentials',
    'ado-connection-string', 'jdbc-password', 'gcp-service-account', 'azure-app-config-connection-string',
    'slack-webhook', 'discord-webhook', 'teams-webhook', 'zapier-webhook', 'generic-password', 'age-secret-key'}

# Generic rules: the token shape, and not a hex string with a letter or two
# from outside hex (validate::generic_token).
GENERIC_VALIDATOR = {'generic-api-key', 'generic-query-param', 'generic-quoted-list', 'generic-xml-secret'}
# JWTs: the header segment must decode to JSON with "alg" (validate::jwt_header).
JWT_VALIDATOR = {'jwt', 'jwt-header-only-json'}
# One kind of character after a secret's name (validate::bare_run).
BARE_VALIDATOR = {'generic-bare-run', 'generic-quoted-list-bare'}

def literal_prefix(pat):
    """The literal characters a `\\b(`-anchored pattern starts with."""
    m = re.match(r'\\b\(((?:[A-Za-z0-9_]|\\[-.]|-)+)', pat)
    return m.group(1).replace('\\', '') if m else ''

def self_identifying(pat):
    """A vendor prefix that ordinary text does not contain: four or more
    characters with a separator (`pgar_`, `BBDC-`, `sk-ant-`), or six or
    more (`GR1348941`)."""
    p = literal_prefix(pat)
    return (len(p) >= 4 and any(c in p for c in '_-.')) or len(p) >= 6

def esc(x):
    return x.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')

lines = []
examples = []
for (id, ty, kws, pat, ent, score, hit, misses) in R:
    if isinstance(pat, tuple):
        # names are the keywords (the parser escapes and joins them)
        assert [k.lower() for k in kws] == kws
        v, pat = 'C', '|'.join(re.escape(k) for k in kws) + '\t' + pat[2]
    else:
        v = 'N' if id in NONE_VALIDATOR else 'G' if id in GENERIC_VALIDATOR else 'J' if id in JWT_VALIDATOR else 'R' if id in BARE_VALIDATOR else 'T'
        if v == 'T' and self_identifying(pat):
            # The prefix is the evidence: no entropy floor (the issue's
            # rule: a floor only where the format does not name itself).
            v, ent = 'P', 0.0
    for f in [id, ty] + kws:
        if '\t' in f or '\n' in f or ',' in f:
            sys.exit(f'bad field in {id}')
    full = pat if v != 'C' else CTX_PY % tuple(pat.split('\t'))
    if v == 'C':
        pat = pat.split('\t')[1]
    try:
        width = sre_parse.parse(full).getwidth()[1]
    except Exception:
        width = 0
    # bytes: a char is at most 4 bytes of UTF-8; 0 (scan everything) if unbounded
    window = width * 4 if 0 < width < 20000 else 0
    lines.append('\t'.join([id, ty, ','.join(kws), v, str(round(ent * 100)), str(round(score * 100)), str(window), pat]))
    hs = [expand(id, h, i) if i else expand(id, h) for i, h in enumerate([hit] if isinstance(hit, str) else hit)]
    ms = [expand(id, m, 1) for m in (misses or [])] or ['no secret here']
    examples.append((hs, ms))

out = [HEADER % len(R)]
for l in lines:
    out.append(esc(l) + '\\n\\')
out.append('";')
out.append(EXAMPLES_HEAD)
for (hs, ms) in examples:
    out.append('    (&[' + ', '.join(rs(h) for h in hs) + '], &[' + ', '.join(rs(m) for m in ms) + ']),')
out.append('];')
out.append(PARSER)
print('\n'.join(out))
print(f'{len(R)} rules', file=sys.stderr)
