using System.Net;
using GazetteNotify.Cli.Serve;
using GazetteNotify.Storage;
using GazetteNotify.Tests.Support;
using GazetteNotify.Topics;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace GazetteNotify.Tests.Security;

/// <summary>
/// Issue 21 finding 8 (rate limits): a burst of feed reads from one client does not become a burst of storage reads,
/// and past the client's read allowance it is answered 429 with Retry-After.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FeedBurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_hundred_feed_reads_reach_storage_a_few_times_and_more_are_told_to_wait()
    {
        var names = AzuriteFixture.NewStorage().Names;
        var counter = new RequestCounter();
        var storage = new GazetteStorage(StorageSettings.Development, names, AzuriteFixture.Patient with { PerCallPolicy = counter });
        await Scenario.IngestAsync(storage, TimeProvider.System, Samples.Issue2022_06);
        await using var runner = await LocalRunner.StartAsync(new LocalRunnerOptions(new ConfigurationBuilder().Build(), TextWriter.Null)
        {
            Port = 0, Storage = storage, LinkSecret = Scenario.LinkSecret, AdminKey = "feed-admin-key-0123456789", Timers = false,
            WatchInterval = TimeSpan.FromMinutes(10), QueuePollInterval = TimeSpan.FromMinutes(10),
        });
        using var http = new HttpClient { BaseAddress = runner.BaseUrl };
        var feed = $"/feeds/topics/{TopicTaxonomy.Default.Topics[0].Id}.atom";
        counter.Reset();

        using var gate = new SemaphoreSlim(10);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await http.GetAsync(feed);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        var reads = counter.Count;
        using var more = await http.GetAsync(feed);

        output.WriteLine($"300 feed GETs: {statuses.Count(s => s == HttpStatusCode.OK)} × 200, {reads} storage requests; the 301st: {(int)more.StatusCode} Retry-After {more.Headers.RetryAfter}");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(reads <= 10, $"{reads} storage requests for 300 feed reads");
        Assert.Equal(HttpStatusCode.TooManyRequests, more.StatusCode);
        Assert.NotNull(more.Headers.RetryAfter);
    }
}
