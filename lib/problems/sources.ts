import { ProblemError } from "./errors";
import type { Lang, Localized } from "./types";

/**
 * The one table of the sections Stride cites. d2l's two editions number the CNN chapters
 * differently: 《动手学深度学习》第二版 (zh) has the CNN basics in chapter 6, modern CNNs in 7,
 * transposed convolution in 13.10 and textCNN in 15.3; d2l.ai (en, current) has them in 7, 8,
 * 14.10 and 16.3. A text never writes a section number: it names a row of this table, and the
 * reader sees the number of their own edition (`cite`). NNDL (邱锡鹏《神经网络与深度学习》) has
 * one numbering, in Chinese; a d2l row names the NNDL section on the same subject, if any.
 *
 * Numbers and titles as the books print them (d2l.ai chapter_convolutional-neural-networks,
 * chapter_convolutional-modern, chapter_computer-vision/transposed-conv, chapter_natural-language-
 * processing-applications/sentiment-analysis-cnn; zh.d2l.ai the same pages; NNDL ch. 5 and 7.5).
 * Every d2l row is checked against the books' own sources (the d2l-en and d2l-zh repositories'
 * headings, tests/problems/support/d2l-outline.ts): below the chapter the editions' numbers may
 * part ways, so a row's two numbers are each its own edition's.
 */
interface D2lSection {
  book: "d2l";
  /** 《动手学深度学习》第二版. */
  zh: string;
  /** d2l.ai. */
  en: string;
  title: Localized;
  /** The NNDL row on the same subject. */
  nndl?: NndlKey;
}

interface NndlSection {
  book: "nndl";
  section: string;
  /** `zh-CN` as NNDL prints it; `en` a translation for English readers. */
  title: Localized;
}

/**
 * A paper the books point to for a design they only name (MobileNet's depthwise-separable
 * convolution, ResNeXt's groups): cited by authors and year, the same in both languages.
 */
interface PaperSource {
  book: "paper";
  /** `Howard et al. 2017`: authors and year, unique in the table. */
  authors: string;
  title: Localized;
}

const d2l = (zh: string, en: string, titleEn: string, titleZh: string, nndl?: NndlKey): D2lSection =>
  nndl ? { book: "d2l", zh, en, title: { en: titleEn, "zh-CN": titleZh }, nndl } : { book: "d2l", zh, en, title: { en: titleEn, "zh-CN": titleZh } };
const nndl = (section: string, titleZh: string, titleEn: string): NndlSection => ({ book: "nndl", section, title: { en: titleEn, "zh-CN": titleZh } });

const NNDL_SECTIONS = {
  "nndl.conv": nndl("5.1", "卷积", "Convolution"),
  "nndl.conv-definition": nndl("5.1.1", "卷积的定义", "Definition of Convolution"),
  "nndl.cross-correlation": nndl("5.1.2", "互相关", "Cross-Correlation"),
  "nndl.conv-variants": nndl("5.1.3", "卷积的变种", "Variants of Convolution"),
  "nndl.conv-properties": nndl("5.1.4", "卷积的数学性质", "Mathematical Properties of Convolution"),
  "nndl.cnn": nndl("5.2", "卷积神经网络", "Convolutional Neural Networks"),
  "nndl.conv-for-dense": nndl("5.2.1", "用卷积来代替全连接", "Convolution in Place of Full Connection"),
  "nndl.conv-layer": nndl("5.2.2", "卷积层", "Convolutional Layer"),
  "nndl.pooling": nndl("5.2.3", "汇聚层", "Pooling Layer"),
  "nndl.cnn-structure": nndl("5.2.4", "卷积网络的整体结构", "Overall Structure of a Convolutional Network"),
  "nndl.learning": nndl("5.3", "参数学习", "Parameter Learning"),
  "nndl.typical-cnns": nndl("5.4", "几种典型的卷积神经网络", "Typical Convolutional Neural Networks"),
  "nndl.lenet5": nndl("5.4.1", "LeNet-5", "LeNet-5"),
  "nndl.alexnet": nndl("5.4.2", "AlexNet", "AlexNet"),
  "nndl.inception": nndl("5.4.3", "Inception网络", "Inception Networks"),
  "nndl.resnet": nndl("5.4.4", "残差网络", "Residual Networks"),
  "nndl.other-convs": nndl("5.5", "其他卷积方式", "Other Kinds of Convolution"),
  "nndl.transposed-conv": nndl("5.5.1", "转置卷积", "Transposed Convolution"),
  "nndl.dilated-conv": nndl("5.5.2", "空洞卷积", "Dilated Convolution"),
  "nndl.batch-norm": nndl("7.5.1", "批量归一化", "Batch Normalization"),
  "nndl.layer-norm": nndl("7.5.2", "层归一化", "Layer Normalization"),
} as const satisfies Record<`nndl.${string}`, NndlSection>;

export type NndlKey = keyof typeof NNDL_SECTIONS;

const paper = (authors: string, title: string): PaperSource => ({ book: "paper", authors, title: { en: title, "zh-CN": title } });

const PAPERS = {
  "paper.googlenet": paper("Szegedy et al. 2015", "Going Deeper with Convolutions"),
  "paper.mobilenet": paper("Howard et al. 2017", "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications"),
  "paper.resnext": paper("Xie et al. 2017", "Aggregated Residual Transformations for Deep Neural Networks"),
} as const satisfies Record<`paper.${string}`, PaperSource>;

export type PaperKey = keyof typeof PAPERS;

const D2L_SECTIONS = {
  // zh ch. 6 / en ch. 7: Convolutional Neural Networks
  "d2l.fc-to-conv": d2l("6.1", "7.1", "From Fully Connected Layers to Convolutions", "从全连接层到卷积", "nndl.conv-for-dense"),
  "d2l.conv-images": d2l("6.2", "7.2", "Convolutions for Images", "图像卷积"),
  "d2l.xcorr": d2l("6.2.1", "7.2.1", "The Cross-Correlation Operation", "互相关运算", "nndl.cross-correlation"),
  "d2l.edge-detection": d2l("6.2.3", "7.2.3", "Object Edge Detection in Images", "图像中目标的边缘检测"),
  "d2l.learning-kernel": d2l("6.2.4", "7.2.4", "Learning a Kernel", "学习卷积核", "nndl.learning"),
  "d2l.xcorr-vs-conv": d2l("6.2.5", "7.2.5", "Cross-Correlation and Convolution", "互相关和卷积", "nndl.cross-correlation"),
  "d2l.receptive-field": d2l("6.2.6", "7.2.6", "Feature Map and Receptive Field", "特征映射和感受野"),
  "d2l.padding-stride": d2l("6.3", "7.3", "Padding and Stride", "填充和步幅", "nndl.conv-variants"),
  "d2l.padding": d2l("6.3.1", "7.3.1", "Padding", "填充", "nndl.conv-variants"),
  "d2l.stride": d2l("6.3.2", "7.3.2", "Stride", "步幅", "nndl.conv-variants"),
  "d2l.channels": d2l("6.4", "7.4", "Multiple Input and Multiple Output Channels", "多输入多输出通道", "nndl.conv-layer"),
  "d2l.multi-in": d2l("6.4.1", "7.4.1", "Multiple Input Channels", "多输入通道", "nndl.conv-layer"),
  "d2l.multi-out": d2l("6.4.2", "7.4.2", "Multiple Output Channels", "多输出通道", "nndl.conv-layer"),
  "d2l.one-by-one": d2l("6.4.3", "7.4.3", "1 × 1 Convolutional Layer", "1×1 卷积层"),
  "d2l.pooling": d2l("6.5", "7.5", "Pooling", "汇聚层", "nndl.pooling"),
  "d2l.max-avg-pooling": d2l("6.5.1", "7.5.1", "Maximum Pooling and Average Pooling", "最大汇聚层和平均汇聚层", "nndl.pooling"),
  "d2l.pooling-padding-stride": d2l("6.5.2", "7.5.2", "Padding and Stride", "填充和步幅"),
  "d2l.pooling-channels": d2l("6.5.3", "7.5.3", "Multiple Channels", "多个通道"),
  "d2l.lenet": d2l("6.6", "7.6", "Convolutional Neural Networks (LeNet)", "卷积神经网络（LeNet）", "nndl.lenet5"),
  // zh ch. 7 / en ch. 8: Modern Convolutional Neural Networks
  "d2l.alexnet": d2l("7.1", "8.1", "Deep Convolutional Neural Networks (AlexNet)", "深度卷积神经网络（AlexNet）", "nndl.alexnet"),
  "d2l.alexnet-model": d2l("7.1.2", "8.1.2", "AlexNet", "AlexNet", "nndl.alexnet"),
  "d2l.vgg": d2l("7.2", "8.2", "Networks Using Blocks (VGG)", "使用块的网络（VGG）"),
  "d2l.vgg-blocks": d2l("7.2.1", "8.2.1", "VGG Blocks", "VGG块"),
  "d2l.nin": d2l("7.3", "8.3", "Network in Network (NiN)", "网络中的网络（NiN）"),
  "d2l.nin-blocks": d2l("7.3.1", "8.3.1", "NiN Blocks", "NiN块"),
  "d2l.nin-model": d2l("7.3.2", "8.3.2", "NiN Model", "NiN模型"),
  "d2l.googlenet": d2l("7.4", "8.4", "Multi-Branch Networks (GoogLeNet)", "含并行连结的网络（GoogLeNet）", "nndl.inception"),
  "d2l.inception-blocks": d2l("7.4.1", "8.4.1", "Inception Blocks", "Inception块", "nndl.inception"),
  "d2l.googlenet-model": d2l("7.4.2", "8.4.2", "GoogLeNet Model", "GoogLeNet模型", "nndl.inception"),
  "d2l.batch-norm": d2l("7.5", "8.5", "Batch Normalization", "批量规范化", "nndl.batch-norm"),
  "d2l.bn-training-deep": d2l("7.5.1", "8.5.1", "Training Deep Networks", "训练深层网络", "nndl.batch-norm"),
  "d2l.bn-layers": d2l("7.5.2", "8.5.2", "Batch Normalization Layers", "批量规范化层", "nndl.batch-norm"),
  "d2l.bn-from-scratch": d2l("7.5.3", "8.5.3", "Implementation from Scratch", "从零实现"),
  "d2l.bn-lenet": d2l("7.5.4", "8.5.4", "LeNet with Batch Normalization", "使用批量规范化层的 LeNet"),
  "d2l.resnet": d2l("7.6", "8.6", "Residual Networks (ResNet) and ResNeXt", "残差网络（ResNet）", "nndl.resnet"),
  "d2l.function-classes": d2l("7.6.1", "8.6.1", "Function Classes", "函数类"),
  "d2l.residual-blocks": d2l("7.6.2", "8.6.2", "Residual Blocks", "残差块", "nndl.resnet"),
  "d2l.resnet-model": d2l("7.6.3", "8.6.3", "ResNet Model", "ResNet模型", "nndl.resnet"),
  "d2l.densenet": d2l("7.7", "8.7", "Densely Connected Networks (DenseNet)", "稠密连接网络（DenseNet）"),
  "d2l.resnet-to-densenet": d2l("7.7.1", "8.7.1", "From ResNet to DenseNet", "从ResNet到DenseNet"),
  "d2l.dense-blocks": d2l("7.7.2", "8.7.2", "Dense Blocks", "稠密块体"),
  "d2l.transition-layers": d2l("7.7.3", "8.7.3", "Transition Layers", "过渡层"),
  // zh 13.10 / en 14.10, zh 15.3 / en 16.3
  "d2l.transposed-conv": d2l("13.10", "14.10", "Transposed Convolution", "转置卷积", "nndl.transposed-conv"),
  "d2l.tconv-basic": d2l("13.10.1", "14.10.1", "Basic Operation", "基本操作", "nndl.transposed-conv"),
  "d2l.tconv-padding-stride": d2l("13.10.2", "14.10.2", "Padding, Strides, and Multiple Channels", "填充、步幅和多通道", "nndl.transposed-conv"),
  "d2l.tconv-matrix": d2l("13.10.3", "14.10.3", "Connection to Matrix Transposition", "与矩阵变换的联系", "nndl.transposed-conv"),
  "d2l.fcn": d2l("13.11", "14.11", "Fully Convolutional Networks", "全卷积网络"),
  "d2l.textcnn": d2l("15.3", "16.3", "Sentiment Analysis: Using Convolutional Neural Networks", "情感分析：使用卷积神经网络"),
  "d2l.conv1d": d2l("15.3.1", "16.3.1", "One-Dimensional Convolutions", "一维卷积"),
  "d2l.max-over-time": d2l("15.3.2", "16.3.2", "Max-Over-Time Pooling", "最大时间汇聚层"),
} as const satisfies Record<`d2l.${string}`, D2lSection>;

export type D2lKey = keyof typeof D2L_SECTIONS;
export type SourceKey = D2lKey | NndlKey | PaperKey;

/** Every row, d2l's, NNDL's, then the papers. */
export const SOURCES: Readonly<Record<SourceKey, D2lSection | NndlSection | PaperSource>> = { ...D2L_SECTIONS, ...NNDL_SECTIONS, ...PAPERS };

export const isSourceKey = (key: string): key is SourceKey => Object.hasOwn(SOURCES, key);

/** The section number the reader of `lang` finds in their book: d2l.ai's for `en`, the Chinese edition's for `zh-CN`; a paper's authors and year. */
export function sectionNumber(key: SourceKey, lang: Lang): string {
  const row = SOURCES[key];
  if (row.book === "paper") return row.authors;
  if (row.book === "nndl") return row.section;
  return lang === "en" ? row.en : row.zh;
}

/**
 * One citation as the reader of `lang` reads it: `d2l 7.3, Padding and Stride` (d2l.ai) or
 * `d2l 6.3 节，填充和步幅` (中文版); `NNDL 5.1.3, 卷积的变种 / Variants of Convolution` or
 * `NNDL 5.1.3 节，卷积的变种`; a paper as `Howard et al. 2017, “MobileNets: …”` in both languages.
 */
export function cite(key: SourceKey, lang: Lang): string {
  const row = SOURCES[key];
  if (row.book === "paper") return `${row.authors}, “${row.title.en}”`;
  const book = row.book === "d2l" ? "d2l" : "NNDL";
  const number = sectionNumber(key, lang);
  if (lang === "zh-CN") return `${book} ${number} 节，${row.title["zh-CN"]}`;
  if (row.book === "d2l" || row.title.en === row.title["zh-CN"]) return `${book} ${number}, ${row.title.en}`;
  return `${book} ${number}, ${row.title["zh-CN"]} / ${row.title.en}`;
}

/**
 * A citation in a message: `⟦d2l.padding-stride⟧`. ICU leaves these brackets alone, so a catalogue
 * names the row and `resolveCitations` writes the reader's edition in.
 */
export const CITATION = /⟦([^⟦⟧]*)⟧/g;

/** `text` with every `⟦key⟧` replaced by `cite(key, lang)`; a key not in the table is a question error. */
export function resolveCitations(text: string, lang: Lang): string {
  return text.replace(CITATION, (_match, key: string) => {
    if (!isSourceKey(key)) throw new ProblemError("invalid-variant", `no source ${JSON.stringify(key)} in lib/problems/sources.ts`);
    return cite(key, lang);
  });
}

/** The keys cited in `text`, in order, known or not. */
export const citedKeys = (text: string): string[] => [...text.matchAll(CITATION)].map((match) => match[1] as string);
