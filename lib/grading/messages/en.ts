/** English grading messages: verdicts and format errors, for every template. ICU syntax. */
export const en = {
  verdict: {
    correct: "Correct: the answer is {answer}.",
    partial:
      "Partly right: {right, plural, =1 {one of {total} dimensions is} other {# of {total} dimensions are}} correct. The answer is {answer}.",
    partialEntries:
      "Partly right: {right, plural, =1 {one of {total} entries is} other {# of {total} entries are}} correct. The answer is {answer}.",
    partialOptions:
      "Partly right: you chose {right} of the {total} right options{extra, plural, =0 {} =1 { and one wrong one} other { and # wrong ones}}. The answer is {answer}.",
    wrong: "Not quite. The answer is {answer}.",
    specCorrect: "Correct: your network meets {total, plural, =1 {the constraint} =2 {both constraints} other {all # constraints}}.",
    specPartial: "Not quite: your network meets {met} of the {total} constraints.",
  },
  value: {
    true: "true",
    false: "false",
  },
  format: {
    expectedShape:
      "Enter {rank, plural, =1 {one whole number} other {# whole numbers}} separated by x, commas or spaces, for example {example}.",
    expectedInteger: "Enter a whole number, for example {examples}.",
    expectedNumber: "Enter a number, for example {examples}.",
    expectedMatrix:
      "Enter {rows, plural, =1 {one row} other {# rows}} of {cols, plural, =1 {one number} other {# numbers}}, rows separated by “;” or new lines and numbers by commas or spaces, for example {example}, or JSON such as {json}.",
    expectedChoice: "Enter the letter of one option ({letters}) or its text.",
    expectedChoices: "Enter the letters of every option that applies, in any order, for example {example}. The options are {letters}.",
    expectedBoolean: "Enter true or false (yes or no, T or F, 对 or 错, 是 or 否 work too).",
    expectedSpec:
      "Build the layers with the form, or write the network as JSON: an object with a list of layers, for example {example}; the input may be left out.",
    empty: "The answer is empty. {expected}",
    tooLong: "The answer is longer than {max} characters. {expected}",
    wrongRank:
      "The shape needs {rank, plural, =1 {one dimension} other {# dimensions}}, but the answer has {given, plural, =1 {one} other {#}}. {expected}",
    notInteger: "“{token}” is not a whole number. {expected}",
    notWhole: "The answer is {value}, but a whole number is expected. {expected}",
    notAllowed:
      "“{token}” is not accepted: only numbers, the operators + − * / ^, parentheses and sqrt( ) may be used. {expected}",
    unreadable: "“{token}” cannot be read as a number. {expected}",
    notFinite: "The answer does not come to a finite number. {expected}",
    entryNotNumber: "“{token}” is not a number. {expected}",
    wrongDimensions: "The matrix should be {rows}×{cols}, but the answer is {givenRows}×{givenCols}. {expected}",
    ragged: "The rows have different lengths ({lengths}). {expected}",
    noSuchOption: "“{token}” matches none of the options. {expected}",
    severalOptions: "Only one option may be chosen, but the answer names {count}. {expected}",
    notBoolean: "“{token}” is neither true nor false. {expected}",
    nulByte: "The answer contains a NUL character (\\u0000), which a spec cannot hold. {expected}",
    notJson: "The answer is not valid JSON{position, select, none {} other { (the first problem is at character {position})}}. {expected}",
    notSpec: "The JSON is neither an object nor a list of layers. {expected}",
    noLayers: "The spec needs a non-empty list “layers”. {expected}",
    tooDeep: "The spec nests more than {max} levels of lists and objects. {expected}",
    tooManyLayers: "The spec has {given} layers; at most {max} are accepted. {expected}",
    layerNotObject: "Layer {path} is not an object such as {example}. {expected}",
    layerNoType: "Layer {path} has no “type” (such as “conv2d” or “maxpool2d”). {expected}",
    engineRefused: "The engine cannot build this network: {message}",
  },
} as const;
