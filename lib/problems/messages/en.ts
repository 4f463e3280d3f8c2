/**
 * English messages of the problem templates, one namespace per template. ICU message syntax;
 * LaTeX and numbers arrive as arguments (see `catalogue.ts`).
 */
export const en = {
  convOutputSize: {
    title: "Output shape of a convolutional layer",
    prompt:
      "A 2-D convolutional layer receives an input of shape {inputShape} (channels, height, width; the batch dimension is left out). " +
      "It has {filters} output channels, one kernel for each. " +
      "Kernel size: {kernel}; padding: {padding}, added on both sides (top and bottom, left and right); stride: {stride}." +
      "{form, select, rect { Pairs are given as (height, width).} other {}}" +
      "\n\nWhat is the shape of the output? Answer with three whole numbers in the order channels, height, width, for example `C x H x W`.",
    solution:
      "With padding $p$ added on each side, kernel size $k$ and stride $s$, each spatial axis of size $n$ gives (⟦d2l.padding-stride⟧)" +
      "\n\n{formula}\n\n" +
      "- height: {heightWork}\n" +
      "- width: {widthWork}\n" +
      "- channels: each of the {filters} kernels sums over {channelCount, plural, =1 {the single input channel} other {all {channelsIn} input channels}} and produces one output channel, so {channelsWork}.\n\n" +
      "The output shape is {answer}.",
    mistakes: {
      forgotPlusOne:
        "It looks like you left out the $+1$: the first window position counts too, so there is one more position than there are strides that fit.",
      paddingOnce:
        "It looks like you added the padding only once. A padding of $p$ is added on both sides of each axis, so the padded size is $n + 2p$.",
      ceilInsteadOfFloor:
        "It looks like you rounded up. A window that would stick out past the padded input is not used, so the division by the stride is rounded down (floor).",
      strideIgnored:
        "It looks like you ignored the stride. With stride $s$ the window moves $s$ positions at a time, so divide by $s$ (rounding down) before adding 1.",
      inputChannelsKept:
        "The number of output channels is the number of kernels, {filters}, not the {channelsIn} input channels: each kernel sums over all input channels and produces one output channel.",
    },
  },
} as const;
