package org.saepj.spark;

import java.util.Map;
import org.saepj.data.source.RemoteFileSystems;
import org.saepj.data.source.RemoteFiles;

/** {@code --data csv:hdfs://…} with {@code --spark}: sources on Hadoop file systems, read by {@link HadoopFiles}. */
public final class SparkFileSystems implements RemoteFileSystems {
    @Override
    public String id() {
        return "spark";
    }

    @Override
    public RemoteFiles open(Map<String, String> settings) {
        return new HadoopFiles(settings);
    }
}
