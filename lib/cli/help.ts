/** `stride --help`: every command with its flags and output (developer-facing, English). */
export const HELP = `stride: problems, grading and the CNN engine from the command line

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

  stride --help        this text

Exit status: 0 done (a format error in an answer is a result, not a failure); 2 bad
arguments, unknown template, invalid seed or a lone invalid spec (one line on stderr);
1 an internal error.
`;
