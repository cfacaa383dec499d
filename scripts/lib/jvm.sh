# The flags every fleet JVM runs with (the launcher, the benchmarks): one home, sourced.
#
# Panama SIMD for Lucene, nio access for Arrow, native access for DuckDB and ONNX; SerialGC keeps
# the idle footprint of ten small JVMs low on a 2-core machine.
#
# The Tier4 thresholds are ten times HotSpot's defaults: C2, the optimizing compiler, compiles a
# method once it stays hot well past start-up instead of compiling what Spring's start runs a few
# thousand times and never again. Measured on 2 cores with the start-up caches (docs/BENCHMARKS.md,
# "Boot"): pathway's CPU to healthy 3.4 s -> 2.6 s, queryd's 4.45 s -> 3.3 s, the same wall time
# alone; a fleet boot is CPU-bound, so the whole fleet's time to healthy falls with it. Thirty
# times gave no more; C1 alone (TieredStopAtLevel=1) gave 2.0 s but gives up C2 for good.
LH_JVM_FLAGS=(--add-modules jdk.incubator.vector --add-opens=java.base/java.nio=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
  -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)
