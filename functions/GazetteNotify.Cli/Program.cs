using System.Text;
using GazetteNotify.Cli;

Console.OutputEncoding = Encoding.UTF8;
return GazetteCommandLine.Run(args, Console.Out, Console.Error);
