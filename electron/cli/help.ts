export const conventionNote = `Counting convention: a multiply-add (MAC) is one multiply-accumulate, counted for
convolutions (kh*kw*Cin/groups*Cout*Hout*Wout), depthwise convolutions and dense layers;
bias adds, batch norm, activations and pooling are not MACs. FLOPs = 2 x MACs.
Parameters are the weights Keras would create (batch-norm moving statistics are non-trainable).`;

export const mainHelp = `netwright: visual architecture editor for convolutional networks, command line

Usage: npx netwright <command> [options]

Commands:
  analyze FILE         Shapes, parameters, multiply-adds and problems of a network
  suggest FILE         Inception factorizations that apply, ranked by saving, and design warnings
  factorize FILE       Apply a factorization (--rule RULE, --node NAME or --all) and report the saving
  compare A B          Two networks side by side: totals, per module, difference (--md, --csv, --json, --svg)
  train FILE           Train on a built-in or chosen dataset with label smoothing; curves and calibration
  export FILE          PyTorch or Keras code to train on a cluster (--to pytorch|keras --out DIR [--weights DIR])
  template [ID]        List the templates, or write one as a project file (--out FILE)
  help                 Show this help

Options:
  --version            Print the version and exit
  --help               Show this help

Every command that reads a network accepts a Netwright project file or a Keras /
TensorFlow.js Layers JSON (model.json or model.to_json()). --json prints one JSON
object on stdout and nothing else.

Exit codes: 0 success, 1 the network has errors (diagnostics printed),
2 unreadable or invalid input or arguments.

${conventionNote}
`;
