/** `stride --help`: every command with its flags and output (developer-facing, English). */
export const HELP = `stride: problems, grading, the CNN engine and administration from the command line

Usage:
  stride problems list [--json]
      Every template: id, topic, titles (en, zh-CN), answer kind.
      --json: one JSON array.
  stride problems sample --template T (--seed N | --seeds A..B) [--lang en|zh-CN] [--json]
      The problem (template, seed, lang): prompt, answer, solution.
      --json: one JSON object a line (DESIGN.md's problem JSON), one line per seed.
  stride grade --template T --seed N --answer TEXT [--lang en|zh-CN] [--json]
      Grades TEXT against the key recomputed from the seed.
      --json: {"gradable":true,"score":0..1,"correct":bool,"feedback":"…","mistake"?:"id"}
              or, for an answer that cannot be read, {"gradable":false,"formatError":"…"}.
  stride grade --batch [--lang en|zh-CN]
      Reads JSON Lines {"template","seed","answer","lang"?} from stdin and answers one JSON
      line each, as above, or {"error":"…"} for a line that cannot be graded.
  stride engine analyze [FILE|-] [--table]
  stride engine analyze --zoo NAME [--table]
      Analyses an architecture spec (DESIGN.md, "Engine spec") from FILE or stdin (-, the
      default). One JSON document: the engine's answer as one JSON line, or with --table a
      per-layer table a person reads (--json is accepted and changes nothing);
      an invalid spec exits 2 with the message on stderr. JSON Lines (one spec a line): one
      JSON answer a line, {"error":"…"} for an invalid one. --zoo NAME analyses a model of
      the zoo (stride engine zoo lists them) instead of reading a spec.
  stride engine zoo [--json]
      The zoo of classic CNNs (d2l, NNDL and torchvision variants): name, origin, input,
      output, params, buffers, MACs, layers. --json: one JSON array of those objects.
  stride engine run [FILE|-]
      Computes an op spec (DESIGN.md, "Engine spec": corr2d, conv2d, corr1d, maxpool2d,
      avgpool2d, conv2d_transpose, batchnorm, relu, sigmoid, tanh, and the gradient ops
      conv2d_grad, maxpool2d_grad, avgpool2d_grad) from FILE or stdin (-, the default). One JSON
      document: {"output":…} as one JSON line (batchnorm in train mode adds "running_mean" and
      "running_var"; a gradient op answers {"grad_input":…}, conv2d_grad also "grad_kernel" and
      "grad_bias", and "kernel_after_step" given a "learning_rate"); an invalid op exits 2 with
      the message on stderr.
      JSON Lines (one op a line): one JSON answer a line, {"error":"…"} for an invalid one.
  stride bank validate FILE|- [--json]
      Checks a bank bundle (the JSON a course's bank exports) and runs the validation run on
      each question's latest version: one line each (--json: one JSON object each). Exit 2
      when the file is invalid (each bad path named) or a version fails.
  stride bank export --bank ID --as EMAIL [--format bundle|moodle|gift] [--lang en|zh-CN] FILE|-
  stride bank import --course ID --as EMAIL FILE|-
      Against the configured database (DATABASE_URL, else the embedded one in
      STRIDE_DATA_DIR, which a running server holds): export a bank as a bundle, Moodle XML
      or GIFT, or import a bundle as a new bank of a course ({"bankId","title","questions"}).
      EMAIL is an owner of the course, as in the app.
  stride db backup FILE
  stride db restore FILE
      The embedded database (STRIDE_DATA_DIR) to a backup FILE (PGlite's dump of its data
      directory, gzipped tar; prints {"file","bytes"}), or back from one (prints
      {"restored","previous"}: the replaced database is kept at "previous"). Both refuse while
      a server holds the data directory: stop it first. With DATABASE_URL, use pg_dump and
      pg_restore instead (README).
  stride lti platform add --issuer URL --client-id ID --name NAME --auth-login-url URL
        --token-url URL --jwks-url URL --deployment ID [--deployment ID ...]
      Registers an LMS (an LTI 1.3 platform) from the values its admin page shows: issuer,
      the client id it gave Stride, its OIDC login (authorization) endpoint, its OAuth token
      endpoint, its public keys (JWKS) URL, and one --deployment for each deployment id whose
      launches Stride accepts. Prints the registration as JSON. URLs are https; plain http only
      on a loopback host with STRIDE_LTI_ALLOW_INSECURE_LOOPBACK=1 (a test platform).
  stride lti platform list [--json]
      The registered platforms as a table (--json: one JSON array).
  stride lti platform add-deployment --issuer URL --client-id ID --deployment ID
      Accepts launches from one more deployment of a registered platform (another course or
      account where the LMS installed Stride), keeping the registration. Prints
      {"added":true|false,"platform":{…}} (false: the id was accepted already).
  stride lti platform remove --issuer URL --client-id ID
      Removes a registration and what its launches left (LMS user, course and link records;
      Stride's users and courses stay). Prints {"removed":{…}}.
  stride lti key rotate
      A new signing key for Stride as an LTI tool; the previous one stays published at
      /lti/jwks for 14 days. Prints {"kid","retiredKid"}.
  stride lti token create [--hours N]
      A one-time token that lets an LMS admin complete one LTI Dynamic Registration without a
      Stride admin signed in; it expires after N hours (default 24, at most 720). Prints
      {"token","url","expiresAt"}: paste url (<STRIDE_BASE_URL>/lti/register?stride_token=…) into
      the LMS as the tool's registration URL. Shown once; only its hash is kept.
  stride admin add --email EMAIL [--name NAME] [--password PASSWORD]
      Makes EMAIL an admin (who may authorise an LTI registration), creating the account when
      there is none: with PASSWORD, or with a generated one printed once ("password").
      Prints {"email","role","created","passwordSet"}.
      The lti and admin commands work on the configured database, as bank export does.

  stride --help        this text

Exit status: 0 done (a format error in an answer is a result, not a failure); 2 bad
arguments, unknown template, invalid seed or a lone invalid spec (one line on stderr);
1 an internal error.
`;
