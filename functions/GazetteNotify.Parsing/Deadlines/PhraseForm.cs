namespace GazetteNotify.Parsing.Deadlines;

/// <summary>The shape of a matched phrase, which decides how it is read.</summary>
internal enum PhraseForm
{
    /// <summary>每季度, 每半年, 每月10日前, 每周五前.</summary>
    Recurring,

    /// <summary>[到][2022年|今年|每年…]6月底前, 9月15日前, 6月中旬前, 到2023年6月.</summary>
    Month,

    /// <summary>年底前, 年内, 2023年年底, 今年底.</summary>
    YearEnd,

    /// <summary>上半年, 2021年下半年.</summary>
    Half,

    /// <summary>一季度, 第三季度末.</summary>
    Quarter,

    /// <summary>本月底前, 次月10日前.</summary>
    ThisMonth,

    /// <summary>到2025年, 2025年前.</summary>
    Target,

    /// <summary>3个工作日内, 一年内.</summary>
    Relative,
}
