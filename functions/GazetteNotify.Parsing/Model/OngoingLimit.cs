namespace GazetteNotify.Parsing.Model;

/// <summary>
/// A time-limit field that sets no end: 长期坚持, 持续推进, 全年 under 完成时限. It has no date and never a reminder; it
/// is kept apart from <see cref="Deadline"/>, whose four kinds other tools rely on (the contract's `ongoing` lists).
/// </summary>
public sealed record OngoingLimit(string Text);
