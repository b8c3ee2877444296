namespace GazetteNotify.Parsing.Deadlines;

/// <summary>What a matched phrase says, read by <see cref="PhraseReader"/>; -1 / '\0' where it says nothing.</summary>
internal struct PhraseParts
{
    /// <summary>Starts with 到/至 ("by").</summary>
    public bool HasTo;

    /// <summary>Ends with 前/以前/之前/止/为止 (or 内 for a period: 上半年内).</summary>
    public bool HasSuffix;

    /// <summary>A written year (2022年), or -1.</summary>
    public int Year;

    /// <summary>The first character of a year word (今 明 次 每 上 下 第…), or '\0'.</summary>
    public char Qualifier;

    /// <summary>The month the limit falls in (年底 → 12, 上半年 → 6, 三季度 → 9), or -1.</summary>
    public int Month;

    /// <summary>Says 底 or 末 (6月底, 一季度末).</summary>
    public bool AtEnd;

    /// <summary>A day of the month (9月15日前), or -1.</summary>
    public int Day;

    /// <summary>上/中/下 of 上旬/中旬/下旬, or '\0'.</summary>
    public char Ten;

    public static PhraseParts Empty => new() { Year = -1, Month = -1, Day = -1 };
}
