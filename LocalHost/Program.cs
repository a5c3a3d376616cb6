using YieldDeps.LocalHost.Hosting;

return await HostRunner.RunAsync(args);
