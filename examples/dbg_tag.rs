fn main() {
    let mut args = std::env::args().skip(1);
    let model = dossier::extract::tagger::Model::read(&std::fs::read(args.next().unwrap()).unwrap()).unwrap();
    let path = args.next().unwrap();
    let corpus = dossier::corpus::load(&[dossier::corpus::Input::from_arg(&path)]);
    for a in &corpus.articles {
        for e in dossier::extract::entities_with(&a.body, &model) {
            if e.kind.is_named() { println!("ENTITY {:?} {} {:?}", e.kind, e.name, e.aliases); }
        }
    }
}
