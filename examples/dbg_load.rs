fn main() {
    let t = std::time::Instant::now();
    let m = dossier::extract::tagger::Model::compiled();
    println!("model load {:?} ({} stages)", t.elapsed(), m.stages.len());
    let t = std::time::Instant::now();
    let e = dossier::extract::entities("Alan Shearer was named England captain in London.");
    println!("first extraction (gazetteer, clusters) {:?} {}", t.elapsed(), e.len());
}
