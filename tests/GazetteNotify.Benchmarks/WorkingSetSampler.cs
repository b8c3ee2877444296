using System.Diagnostics;

namespace GazetteNotify.Benchmarks;

/// <summary>
/// The largest working set and managed heap seen during one phase, sampled every 50 ms: Process.PeakWorkingSet64 is
/// the whole process's high-water mark, which would charge a measured phase for what seeding held before it. The heap
/// tells what is live from what the GC has not yet returned (large strings go to the large object heap, freed late).
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private long _heap;

    public WorkingSetSampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                Interlocked.Exchange(ref _peak, Math.Max(_peak, process.WorkingSet64));
                Interlocked.Exchange(ref _heap, Math.Max(_heap, GC.GetTotalMemory(false)));
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public double PeakMegabytes => Interlocked.Read(ref _peak) / 1024.0 / 1024.0;

    public double PeakHeapMegabytes => Interlocked.Read(ref _heap) / 1024.0 / 1024.0;

    public string Describe() => $"peak working set {PeakMegabytes:0} MB (managed heap {PeakHeapMegabytes:0} MB)";

    public static double ProcessPeakMegabytes
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
