package org.saepj.persistence;

import java.util.ArrayList;
import java.util.List;
import org.saepj.data.Shape;
import org.saepj.engine.Network;
import org.saepj.ensemble.Ensemble;
import org.saepj.ensemble.Member;
import org.saepj.search.Partitions;
import org.saepj.search.SearchConfig;
import org.saepj.search.SearchResult;

/** Turns a search's final ensemble into a {@link SavedEnsemble}. */
public final class SearchExport {
    private SearchExport() {
    }

    /**
     * @param result the search result
     * @param partitions the partitions it ran on (for the input shape and the fitted preprocessing)
     * @param fold the fold index from 0, or -1 without cross-validation
     * @return the ensemble with its manifest
     */
    public static SavedEnsemble of(SearchResult result, Partitions partitions, int fold) {
        Ensemble e = result.ensemble();
        SearchConfig c = result.config();
        Shape shape = partitions.train().shape();
        List<MemberRecord> entries = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (int j = 0; j < e.size(); j++) {
            Member m = e.members().get(j);
            entries.add(new MemberRecord(m.id(), m.iteration(), m.candidate().name(), m.candidate().seed(), m.candidate().architecture(),
                    m.candidate().optimizer(), m.candidate().complexity(), e.weights()[j], (long) m.network().parameterCount(),
                    "member-" + m.id() + ".params", SavedEnsemble.parameterChecksum(m.network())));
            networks.add(m.network());
        }
        var separate = result.dataset().separateTest();
        EnsembleManifest.DataEntry data = new EnsembleManifest.DataEntry(c.dataset(), c.pair(), result.dataset().partition(),
                fold, c.folds(), c.testFraction(), c.seed(), result.dataset().sha256(),
                separate == null ? result.dataset().sha256() : separate.trainSha256(), separate == null ? null : separate.testSource(),
                separate == null ? null : separate.testSha256());
        EnsembleManifest manifest = new EnsembleManifest(SavedEnsemble.FORMAT_VERSION,
                new int[] {shape.height(), shape.width(), shape.channels()}, partitions.train().classNames(),
                partitions.preprocessing(), entries, c.mixture(), data,
                result.provenance(), c, result.dataset().featureNames().isEmpty() ? null : result.dataset().featureNames());
        return new SavedEnsemble(manifest, networks);
    }
}
