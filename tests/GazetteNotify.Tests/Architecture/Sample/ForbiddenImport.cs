// Two folders of a made-up service, for ArchitectureTests to show that its check fails on a forbidden use.
namespace GazetteNotify.Tests.Architecture.Sample.Alerts
{
    public sealed record Digest(string Subject);
}

namespace GazetteNotify.Tests.Architecture.Sample.Mail
{
    public sealed class BadTransport
    {
        public Alerts.Digest? Last { get; private set; }

        public void Send(Alerts.Digest digest) => Last = digest;
    }
}
